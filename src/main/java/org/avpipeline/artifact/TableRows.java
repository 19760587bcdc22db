package org.avpipeline.artifact;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One ticker's rows of a companion table, column by column in the order of its {@link TableSchema}: what the build
 * hands to a {@link TableWriter}. Column {@code i} holds a {@code String[]} for a STRING column ({@code null} entries
 * missing; the {@code ticker} column itself is {@code null}: every row has {@link #ticker()}), an {@code int[]} of
 * epoch days for a DATE column ({@link TickerPanel#NO_DATE} when missing), a {@code double[]} for a DOUBLE column (NaN
 * when missing), a {@code boolean[]} for a BOOLEAN column, and a {@code long[]} of epoch milliseconds for a TIMESTAMP
 * column ({@link #NO_TIMESTAMP} when missing).
 *
 * <p>The arrays are owned by this value once it is built; callers must not change them afterwards.
 */
public final class TableRows {
    /** The value of a missing timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final TableSchema schema;
    private final String ticker;
    private final int rows;
    private final Object[] columns;

    public TableRows(TableSchema schema, String ticker, int rows, Object[] columns) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.rows = rows;
        this.columns = Objects.requireNonNull(columns, "columns");
        List<Column> cols = schema.columns();
        if (columns.length != cols.size()) {
            throw new IllegalArgumentException(schema.name() + ": expected " + cols.size() + " columns, got "
                    + columns.length);
        }
        for (int i = 1; i < columns.length; i++) {
            Column c = cols.get(i);
            Object col = columns[i];
            int length = switch (c.type()) {
                case STRING -> ((String[]) col).length;
                case DATE -> ((int[]) col).length;
                case DOUBLE -> ((double[]) col).length;
                case BOOLEAN -> ((boolean[]) col).length;
                case TIMESTAMP -> ((long[]) col).length;
            };
            if (length != rows) {
                throw new IllegalArgumentException(schema.name() + ": column " + c.name() + " has " + length
                        + " rows, expected " + rows);
            }
        }
    }

    /** Rows with every column allocated and missing. */
    public static TableRows empty(TableSchema schema, String ticker, int rows) {
        List<Column> cols = schema.columns();
        Object[] columns = new Object[cols.size()];
        for (int i = 1; i < columns.length; i++) {
            columns[i] = switch (cols.get(i).type()) {
                case STRING -> new String[rows];
                case DATE -> filled(new int[rows], TickerPanel.NO_DATE);
                case DOUBLE -> {
                    double[] a = new double[rows];
                    Arrays.fill(a, Double.NaN);
                    yield a;
                }
                case BOOLEAN -> new boolean[rows];
                case TIMESTAMP -> {
                    long[] a = new long[rows];
                    Arrays.fill(a, NO_TIMESTAMP);
                    yield a;
                }
            };
        }
        return new TableRows(schema, ticker, rows, columns);
    }

    private static int[] filled(int[] a, int value) {
        Arrays.fill(a, value);
        return a;
    }

    public TableSchema schema() {
        return schema;
    }

    public String ticker() {
        return ticker;
    }

    public int rows() {
        return rows;
    }

    public String[] strings(int column) {
        return (String[]) columns[column];
    }

    public int[] dates(int column) {
        return (int[]) columns[column];
    }

    public double[] doubles(int column) {
        return (double[]) columns[column];
    }

    public boolean[] booleans(int column) {
        return (boolean[]) columns[column];
    }

    public long[] timestamps(int column) {
        return (long[]) columns[column];
    }

    public String[] strings(String column) {
        return strings(schema.indexOf(column));
    }

    public int[] dates(String column) {
        return dates(schema.indexOf(column));
    }

    public double[] doubles(String column) {
        return doubles(schema.indexOf(column));
    }

    public long[] timestamps(String column) {
        return timestamps(schema.indexOf(column));
    }
}
