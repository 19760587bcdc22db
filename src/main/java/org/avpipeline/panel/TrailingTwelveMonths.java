package org.avpipeline.panel;

/**
 * pipeline.md §6: the trailing-twelve-month sum of a flow metric over the continuous run. Row {@code k} is the sum of
 * rows {@code k-3 .. k} (in that order), a missing quarter counting as 0; the first three rows are missing.
 */
public final class TrailingTwelveMonths {
    private TrailingTwelveMonths() {}

    /** How many quarters a trailing twelve months spans. */
    public static final int QUARTERS = 4;

    public static double[] of(double[] quarterly) {
        double[] ttm = new double[quarterly.length];
        for (int k = 0; k < ttm.length; k++) {
            if (k < QUARTERS - 1) {
                ttm[k] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = k - QUARTERS + 1; j <= k; j++) {
                double x = quarterly[j];
                if (!Double.isNaN(x)) {
                    sum += x;
                }
            }
            ttm[k] = sum;
        }
        return ttm;
    }

    /** The TTM columns of every flow metric, in the order of {@link Metrics#FLOW}. */
    public static double[][] ofFlows(QuarterlyRows rows) {
        double[][] out = new double[Metrics.FLOW.size()][];
        int offset = Metrics.BALANCE_SHEET.size();
        for (int f = 0; f < out.length; f++) {
            out[f] = of(rows.metrics()[offset + f]);
        }
        return out;
    }
}
