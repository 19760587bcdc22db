package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.List;

/**
 * pipeline.md §4: anomaly cleaning of one statement of one ticker, column by column, in two stages. Stage 1 flags
 * temporary spikes against a robust baseline of neighbouring rows and interpolates every interior gap; stage 2 flags
 * jumps in the last rows of the series against the robust spread of all percentage changes and carries the column
 * forward.
 */
public final class AnomalyCleaning {
    private AnomalyCleaning() {}

    /** R's {@code mad} constant, which makes the MAD consistent with the standard deviation of a normal sample. */
    public static final double MAD_SCALE = 1.4826;

    /** The cleaned table and the repairs made (only metrics with at least one repair). */
    public record Cleaned(StatementTable table, List<AnomalyRepair> repairs) {
        public Cleaned {
            repairs = List.copyOf(repairs);
        }
    }

    /** Both stages on every column; the input is not changed. */
    public static Cleaned clean(StatementTable table, CleaningParameters p) {
        int n = table.rows();
        double[][] cleaned = new double[table.columns().length][];
        List<AnomalyRepair> repairs = new ArrayList<>();
        for (int m = 0; m < cleaned.length; m++) {
            double[] v = table.columns()[m].clone();
            int spikes = repairSpikes(v, p);
            int jumps = n >= p.minObs() ? repairEndJumps(v, p) : 0;
            cleaned[m] = v;
            String metric = table.metrics().get(m);
            if (spikes > 0) {
                repairs.add(new AnomalyRepair(table.statement(), metric, 1, spikes));
            }
            if (jumps > 0) {
                repairs.add(new AnomalyRepair(table.statement(), metric, 2, jumps));
            }
        }
        return new Cleaned(table.withColumns(cleaned), repairs);
    }

    // ---- stage 1 ----

    /** Stage 1 in place: flags spikes, makes them missing, interpolates interior gaps. Returns the number of flags. */
    public static int repairSpikes(double[] v, CleaningParameters p) {
        boolean[] flags = spikeFlags(v, p);
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (flags[i]) {
                v[i] = Double.NaN;
                count++;
            }
        }
        interpolateInteriorGaps(v);
        return count;
    }

    /** Which positions stage 1 flags as spikes (computed on the values as given). */
    public static boolean[] spikeFlags(double[] v, CleaningParameters p) {
        int n = v.length;
        boolean[] flags = new boolean[n];
        if (n < p.minRowsForSpikes()) {
            return flags;
        }
        double[] baseline = new double[p.lookback() + p.lookahead()];
        double[] deviations = new double[baseline.length];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            int beforeFrom = Math.max(0, i - p.lookback());
            int beforeTo = i - 2;
            int afterFrom = i + 2;
            int afterTo = Math.min(n - 1, i + p.lookahead());
            int positions = Math.max(0, beforeTo - beforeFrom + 1) + Math.max(0, afterTo - afterFrom + 1);
            if (positions < p.minBaseline()) {
                continue;
            }
            int count = 0;
            for (int j = beforeFrom; j <= beforeTo; j++) {
                if (!Double.isNaN(v[j])) {
                    baseline[count++] = v[j];
                }
            }
            for (int j = afterFrom; j <= afterTo; j++) {
                if (!Double.isNaN(v[j])) {
                    baseline[count++] = v[j];
                }
            }
            if (count == 0) {
                continue;
            }
            double med = Median.ofFirst(baseline, count);
            for (int j = 0; j < count; j++) {
                deviations[j] = Math.abs(baseline[j] - med);
            }
            double mad = MAD_SCALE * Median.ofFirst(deviations, count);
            flags[i] = mad > 0 && Math.abs(v[i] - med) > p.threshold() * mad;
        }
        return flags;
    }

    /**
     * Linear interpolation on row position of every missing value that has a present value before and after it
     * (R's {@code approx}: {@code y0 + (y1 - y0) * ((x - x0) / (x1 - x0))}). Leading and trailing missing values stay;
     * a column with fewer than 2 present values is left as it is.
     */
    public static void interpolateInteriorGaps(double[] v) {
        int previous = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            if (previous >= 0 && i - previous > 1) {
                double y0 = v[previous];
                double y1 = v[i];
                double dx = i - previous;
                for (int j = previous + 1; j < i; j++) {
                    v[j] = y0 + (y1 - y0) * ((j - previous) / dx);
                }
            }
            previous = i;
        }
    }

    // ---- stage 2 ----

    /**
     * Stage 2 in place: flags end-of-series jumps and, when one is kept, makes it missing and carries the column
     * forward. Returns the number of kept flags.
     */
    public static int repairEndJumps(double[] v, CleaningParameters p) {
        boolean[] flags = endJumpFlags(v, p);
        int count = 0;
        for (int k = 0; k < v.length; k++) {
            if (flags[k]) {
                v[k] = Double.NaN;
                count++;
            }
        }
        if (count > 0) {
            carryForward(v);
        }
        return count;
    }

    /**
     * The rows stage 2 flags and keeps: a row {@code k} whose percentage change from row {@code k-1} is more than
     * {@code end_threshold} unscaled MADs from the median change, and that is one of the last {@code end_window}
     * rows. Each flag belongs to the row of its own change [fix].
     */
    public static boolean[] endJumpFlags(double[] v, CleaningParameters p) {
        int n = v.length;
        boolean[] flags = new boolean[n];
        double[] change = new double[n];
        double[] defined = new double[n];
        int count = 0;
        for (int k = 1; k < n; k++) {
            change[k] = percentageChange(v[k - 1], v[k]);
            if (!Double.isNaN(change[k])) {
                defined[count++] = change[k];
            }
        }
        if (count < p.minObs() || count == 0) {
            return flags;
        }
        double[] sorted = java.util.Arrays.copyOf(defined, count);
        double med = Median.ofFirst(sorted, count);
        double[] deviations = new double[count];
        for (int j = 0; j < count; j++) {
            deviations[j] = Math.abs(defined[j] - med);
        }
        double mad = Median.ofFirst(deviations, count);
        if (mad == 0 || Double.isNaN(mad)) {
            return flags;
        }
        double limit = p.endThreshold() * mad;
        for (int k = Math.max(1, n - p.endWindow()); k < n; k++) {
            double c = change[k];
            flags[k] = !Double.isNaN(c) && Math.abs(c - med) > limit;
        }
        return flags;
    }

    /**
     * {@code (current - previous) / |previous| * 100}; NaN (undefined) when either is missing or both are 0, ±∞ from
     * 0 to a non-zero value.
     */
    public static double percentageChange(double previous, double current) {
        if (Double.isNaN(previous) || Double.isNaN(current)) {
            return Double.NaN;
        }
        return (current - previous) / Math.abs(previous) * 100;
    }

    /** Every missing value after the first present one takes the last present value before it. */
    public static void carryForward(double[] v) {
        double last = Double.NaN;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = last;
            } else {
                last = v[i];
            }
        }
    }
}
