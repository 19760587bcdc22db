package org.avpipeline.panel;

import java.util.Arrays;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §9: {@code M_per_share = M / commonStockSharesOutstanding} (the panel's carried values) when the shares
 * are present and positive and {@code M} is present, else missing; for every balance-sheet metric (shares itself
 * yields 1.0), every flow metric and every TTM.
 */
public final class PerShare {
    private PerShare() {}

    /** The artifact column of each carried column ({@link CarriedQuarters} order). */
    private static final int[] TARGET = targets();
    private static final int SHARES_METRIC = Metrics.ALL.indexOf(Metrics.SHARES);

    /** One value per share: missing unless the shares are present and positive and the value is present. */
    public static double perShare(double value, double shares) {
        return shares > 0 && !Double.isNaN(value) ? value / shares : Double.NaN;
    }

    /** Writes the 138 per-share columns of the panel from the carried quarterly values. */
    public static void fill(TickerPanel panel, CarriedQuarters carried) {
        double[] shares = carried.values()[SHARES_METRIC];
        for (int c = 0; c < TARGET.length; c++) {
            double[] out = panel.doubles(TARGET[c]);
            double[] values = carried.values()[c];
            for (int s = 0; s < carried.segments(); s++) {
                Arrays.fill(out, carried.starts()[s], carried.end(s), perShare(values[s], shares[s]));
            }
        }
        if (panel.rows() > 0) {
            panel.markSteps(carried.starts(), TARGET); // one value per segment: the writer reads just that
        }
    }

    private static int[] targets() {
        int[] t = new int[CarriedQuarters.COLUMNS];
        int c = 0;
        for (String m : Metrics.ALL) {
            t[c++] = ArtifactSchema.indexOf(Metrics.perShare(m));
        }
        for (String m : Metrics.FLOW) {
            t[c++] = ArtifactSchema.indexOf(Metrics.perShare(Metrics.ttm(m)));
        }
        return t;
    }
}
