package org.avpipeline.report;

import java.util.Comparator;
import java.util.List;

/**
 * Statement values over the whole universe (pipeline.md §4): the mode, the anomaly repairs (reference mode only) and
 * the checks that change nothing (both modes).
 *
 * @param repairs per statement and metric; metrics without repairs may be left out
 * @param mostAffected the tickers with the most repairs, most first (at most {@link #TOP})
 * @param mode {@code as-served} or {@code reference}; null in manifests written before the modes existed
 * @param annualChecks per statement (income statement, cash flow) the fiscal years checked and matched
 * @param worstMismatches the metrics whose quarters miss the annual report the most (relative), at most
 *     {@link #TOP_MISMATCHES}
 * @param balanceGapQuarters how many quarters have |balance_gap| above 2 %
 * @param largestBalanceGaps those with the largest |balance_gap|, at most {@link #TOP_BALANCE_GAPS}
 */
public record Cleaning(List<MetricRepairs> repairs, List<TickerRepairs> mostAffected, String mode,
        List<StatementCheck> annualChecks, List<AnnualMismatch> worstMismatches, int balanceGapQuarters,
        List<BalanceGapQuarter> largestBalanceGaps) {
    /** How many most-affected tickers the manifest keeps. */
    public static final int TOP = 10;
    /** How many annual mismatches the manifest keeps. */
    public static final int TOP_MISMATCHES = 20;
    /** How many quarters with a large balance gap the manifest keeps. */
    public static final int TOP_BALANCE_GAPS = 20;

    public Cleaning {
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
        mostAffected = mostAffected == null ? List.of() : List.copyOf(mostAffected);
        annualChecks = annualChecks == null ? List.of() : List.copyOf(annualChecks);
        worstMismatches = worstMismatches == null ? List.of() : List.copyOf(worstMismatches);
        largestBalanceGaps = largestBalanceGaps == null ? List.of() : List.copyOf(largestBalanceGaps);
    }

    /** Repairs only (no mode, no checks). */
    public Cleaning(List<MetricRepairs> repairs, List<TickerRepairs> mostAffected) {
        this(repairs, mostAffected, null, List.of(), List.of(), 0, List.of());
    }

    /** Cleaning facts keeping the {@link #TOP} tickers with the most repairs (ties by ticker). */
    public static Cleaning of(List<MetricRepairs> repairs, List<TickerRepairs> perTicker) {
        List<TickerRepairs> top = perTicker.stream()
                .filter(t -> t.total() > 0)
                .sorted(Comparator.comparingInt(TickerRepairs::total).reversed()
                        .thenComparing(TickerRepairs::ticker))
                .limit(TOP)
                .toList();
        return new Cleaning(repairs, top);
    }

    /**
     * The same facts with the mode and the checks, keeping the {@link #TOP_MISMATCHES} worst mismatches (largest
     * relative difference; ties by ticker, year, metric) and the {@link #TOP_BALANCE_GAPS} largest |balance_gap|.
     */
    public Cleaning withChecks(String newMode, List<StatementCheck> checks, List<AnnualMismatch> mismatches,
            List<BalanceGapQuarter> gaps) {
        List<AnnualMismatch> worst = mismatches.stream()
                .sorted(Comparator.comparingDouble(AnnualMismatch::relativeDifference).reversed()
                        .thenComparing(AnnualMismatch::ticker).thenComparing(AnnualMismatch::fiscalYearEnd)
                        .thenComparing(AnnualMismatch::metric))
                .limit(TOP_MISMATCHES)
                .toList();
        List<BalanceGapQuarter> largest = gaps.stream()
                .sorted(Comparator.comparingDouble((BalanceGapQuarter g) -> Math.abs(g.balanceGap())).reversed()
                        .thenComparing(BalanceGapQuarter::ticker).thenComparing(BalanceGapQuarter::fiscalDateEnding))
                .limit(TOP_BALANCE_GAPS)
                .toList();
        return new Cleaning(repairs, mostAffected, newMode, checks, worst, gaps.size(), largest);
    }

    /** Whether the run kept statement values as served ({@code org.avpipeline.panel.CleaningMode#AS_SERVED}). */
    public boolean asServed() {
        return "as-served".equals(mode);
    }

    public int stage1Total() {
        return repairs.stream().mapToInt(MetricRepairs::stage1).sum();
    }

    public int stage2Total() {
        return repairs.stream().mapToInt(MetricRepairs::stage2).sum();
    }
}
