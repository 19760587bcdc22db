package org.avpipeline.panel;

import java.util.Arrays;
import org.avpipeline.metrics.Metrics;

/**
 * One ticker's quarterly table (pipeline.md §5.3–5.4): quarter rows in ascending fiscal order, the earnings
 * {@code reportedDate} of each ({@link org.avpipeline.artifact.TickerPanel#NO_DATE} when missing) and its
 * {@code reportTime} as the answer spells it ({@code null} when missing: older answers have none; it decides the day
 * the quarter becomes available, {@link Availability}), and one column per §10 metric in the order of
 * {@link Metrics#ALL} (NaN when missing). Dates are epoch days.
 */
public record QuarterlyRows(int[] fiscalDates, int[] reportedDates, String[] reportTimes, double[][] metrics) {
    public static final QuarterlyRows EMPTY = new QuarterlyRows(new int[0], new int[0], emptyColumns(0));

    public QuarterlyRows {
        if (reportedDates.length != fiscalDates.length || reportTimes.length != fiscalDates.length
                || metrics.length != Metrics.ALL.size()) {
            throw new IllegalArgumentException("inconsistent quarterly table");
        }
        for (double[] c : metrics) {
            if (c.length != fiscalDates.length) {
                throw new IllegalArgumentException("a metric column has " + c.length + " rows");
            }
        }
    }

    /** Without report times (every quarter's {@code reportTime} missing). */
    public QuarterlyRows(int[] fiscalDates, int[] reportedDates, double[][] metrics) {
        this(fiscalDates, reportedDates, new String[fiscalDates.length], metrics);
    }

    public int size() {
        return fiscalDates.length;
    }

    /** The column of a §10 metric. */
    public double[] metric(String name) {
        int i = Metrics.ALL.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("not a §10 metric: " + name);
        }
        return metrics[i];
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public QuarterlyRows slice(int from, int to) {
        double[][] cols = new double[metrics.length][];
        for (int m = 0; m < cols.length; m++) {
            cols[m] = Arrays.copyOfRange(metrics[m], from, to);
        }
        return new QuarterlyRows(Arrays.copyOfRange(fiscalDates, from, to),
                Arrays.copyOfRange(reportedDates, from, to), Arrays.copyOfRange(reportTimes, from, to), cols);
    }

    /** The rows at the given positions, in that order. */
    public QuarterlyRows select(int[] rows) {
        double[][] cols = new double[metrics.length][rows.length];
        int[] fiscal = new int[rows.length];
        int[] reported = new int[rows.length];
        String[] times = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            fiscal[i] = fiscalDates[rows[i]];
            reported[i] = reportedDates[rows[i]];
            times[i] = reportTimes[rows[i]];
            for (int m = 0; m < cols.length; m++) {
                cols[m][i] = metrics[m][rows[i]];
            }
        }
        return new QuarterlyRows(fiscal, reported, times, cols);
    }

    static double[][] emptyColumns(int rows) {
        double[][] cols = new double[Metrics.ALL.size()][rows];
        for (double[] c : cols) {
            Arrays.fill(c, Double.NaN);
        }
        return cols;
    }
}
