package org.avpipeline.panel;

import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §6: the trailing-twelve-month sum of a flow metric over the continuous run. Row {@code k} is the sum of
 * rows {@code k-3 .. k} (in that order); the first three rows are missing. A missing quarter makes the TTM missing
 * ({@link CleaningMode#AS_SERVED}) or counts as 0 ({@link CleaningMode#REFERENCE}).
 */
public final class TrailingTwelveMonths {
    private TrailingTwelveMonths() {}

    /** How many quarters a trailing twelve months spans. */
    public static final int QUARTERS = 4;

    /** In the default mode ({@link CleaningMode#DEFAULT}). */
    public static double[] of(double[] quarterly) {
        return of(quarterly, CleaningMode.DEFAULT);
    }

    public static double[] of(double[] quarterly, CleaningMode mode) {
        boolean zeroForMissing = mode.missingQuarterCountsAsZero();
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
                } else if (!zeroForMissing) {
                    sum = Double.NaN;
                    break;
                }
            }
            ttm[k] = sum;
        }
        return ttm;
    }

    /** The TTM columns of every flow metric, in the order of {@link Metrics#FLOW}. */
    public static double[][] ofFlows(QuarterlyRows rows, CleaningMode mode) {
        double[][] out = new double[Metrics.FLOW.size()][];
        int offset = Metrics.BALANCE_SHEET.size();
        for (int f = 0; f < out.length; f++) {
            out[f] = of(rows.metrics()[offset + f], mode);
        }
        return out;
    }
}
