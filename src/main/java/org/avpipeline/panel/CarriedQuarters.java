package org.avpipeline.panel;

import org.avpipeline.metrics.Metrics;

/**
 * The quarterly values of a daily panel after availability and carry-forward (pipeline.md §8.2 and §8.4), stored
 * run-length encoded: the panel's rows are cut into segments at the days on which a quarter becomes available, and
 * inside a segment every quarterly value is constant. Segment {@code s} covers panel rows
 * {@code starts[s] .. starts[s+1]-1} (the last one up to the panel's end); {@code starts[0] == 0}.
 *
 * <p>{@code values[c][s]} is column {@code c} in segment {@code s}: the columns are the §10 metrics in the order of
 * {@link Metrics#ALL}, then the TTM of every flow metric in the order of {@link Metrics#FLOW}.
 */
public record CarriedQuarters(int rows, int[] starts, double[][] values) {
    /** How many carried columns there are: every metric, then every flow metric's TTM. */
    public static final int COLUMNS = Metrics.ALL.size() + Metrics.FLOW.size();

    public CarriedQuarters {
        if (starts.length == 0 || starts[0] != 0 || values.length != COLUMNS) {
            throw new IllegalArgumentException("inconsistent carried quarters");
        }
    }

    public int segments() {
        return starts.length;
    }

    /** The first row after segment {@code s}. */
    public int end(int s) {
        return s + 1 < starts.length ? starts[s + 1] : rows;
    }

    /** The carried column of a §10 metric. */
    public double[] metric(String name) {
        int i = Metrics.ALL.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("not a §10 metric: " + name);
        }
        return values[i];
    }

    /** The carried TTM column of a flow metric. */
    public double[] ttm(String flowMetric) {
        int i = Metrics.FLOW.indexOf(flowMetric);
        if (i < 0) {
            throw new IllegalArgumentException("not a flow metric: " + flowMetric);
        }
        return values[Metrics.ALL.size() + i];
    }

    /** The value of a carried column on a panel row (for tests and inspection; the build works per segment). */
    public double valueAt(int column, int row) {
        int s = java.util.Arrays.binarySearch(starts, row);
        if (s < 0) {
            s = -s - 2;
        }
        return values[column][s];
    }
}
