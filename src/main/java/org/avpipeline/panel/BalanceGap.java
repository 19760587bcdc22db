package org.avpipeline.panel;

/**
 * pipeline.md §4.1's {@code balance_gap}: per quarter row {@code (totalAssets - totalLiabilities -
 * totalShareholderEquity) / totalAssets}, missing when any of the three is missing or {@code totalAssets <= 0}.
 * Changes nothing.
 */
public final class BalanceGap {
    private BalanceGap() {}

    /** A gap beyond this share of the assets is listed in the run report. */
    public static final double REPORTED_ABOVE = 0.02;

    /** A quarter whose gap is beyond {@link #REPORTED_ABOVE}, for the run report. */
    public record Quarter(java.time.LocalDate fiscalDateEnding, double gap) {}

    /** The quarters of a table whose |gap| exceeds {@link #REPORTED_ABOVE}, in fiscal order. */
    public static java.util.List<Quarter> large(QuarterlyRows rows, double[] gaps) {
        java.util.List<Quarter> out = new java.util.ArrayList<>();
        for (int i = 0; i < gaps.length; i++) {
            if (Math.abs(gaps[i]) > REPORTED_ABOVE) {
                out.add(new Quarter(java.time.LocalDate.ofEpochDay(rows.fiscalDates()[i]), gaps[i]));
            }
        }
        return out;
    }

    public static double of(double totalAssets, double totalLiabilities, double totalShareholderEquity) {
        if (!(totalAssets > 0) || Double.isNaN(totalLiabilities) || Double.isNaN(totalShareholderEquity)) {
            return Double.NaN;
        }
        return (totalAssets - totalLiabilities - totalShareholderEquity) / totalAssets;
    }

    /** The gap of every row of a quarterly table. */
    public static double[] of(QuarterlyRows rows) {
        double[] assets = rows.metric("totalAssets");
        double[] liabilities = rows.metric("totalLiabilities");
        double[] equity = rows.metric("totalShareholderEquity");
        double[] gap = new double[rows.size()];
        for (int i = 0; i < gap.length; i++) {
            gap[i] = of(assets[i], liabilities[i], equity[i]);
        }
        return gap;
    }
}
