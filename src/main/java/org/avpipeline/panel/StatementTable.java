package org.avpipeline.panel;

import java.util.List;
import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * One statement of one ticker as columns: quarter rows in ascending fiscal-date order ({@code fiscalDates} in epoch
 * days), one {@code double[]} per metric (NaN when missing), in the order of {@code metrics}. The arrays are owned by
 * the table; steps that change values return a new table.
 */
public record StatementTable(AvFunction statement, int[] fiscalDates, List<String> metrics, double[][] columns) {
    public StatementTable {
        Objects.requireNonNull(statement, "statement");
        metrics = List.copyOf(metrics);
        if (columns.length != metrics.size()) {
            throw new IllegalArgumentException(metrics.size() + " metrics but " + columns.length + " columns");
        }
        for (double[] c : columns) {
            if (c.length != fiscalDates.length) {
                throw new IllegalArgumentException("a column has " + c.length + " rows, expected " + fiscalDates.length);
            }
        }
    }

    public int rows() {
        return fiscalDates.length;
    }

    /** The column of a metric; an exception when the table has no such metric. */
    public double[] column(String metric) {
        int i = metrics.indexOf(metric);
        if (i < 0) {
            throw new IllegalArgumentException(statement + " has no metric " + metric);
        }
        return columns[i];
    }

    /** The same rows with other values. */
    public StatementTable withColumns(double[][] newColumns) {
        return new StatementTable(statement, fiscalDates, metrics, newColumns);
    }
}
