package org.avpipeline.artifact;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One ticker's finished rows, column by column, in the order of {@link ArtifactSchema#COLUMNS}: what the build hands
 * to the artifact writer. Column {@code i} holds an {@code int[]} of epoch days for a DATE column ({@link #NO_DATE}
 * when missing), a {@code double[]} for a DOUBLE column (NaN when missing), a {@code boolean[]} for a BOOLEAN column,
 * and {@code null} for the ticker column (every row has {@link #ticker()}). Rows are in ascending date order.
 *
 * <p>The arrays are owned by the panel once it is built; callers must not change them afterwards.
 */
public final class TickerPanel {
    /** The value of a missing date. */
    public static final int NO_DATE = Integer.MIN_VALUE;

    private final String ticker;
    private final int rows;
    private final Object[] columns;
    /** Where the step columns may change value ({@link #markSteps}); null when none is marked. */
    private int[] stepStarts;
    private boolean[] stepColumns;

    public TickerPanel(String ticker, int rows, Object[] columns) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.rows = rows;
        this.columns = Objects.requireNonNull(columns, "columns");
        List<Column> schema = ArtifactSchema.COLUMNS;
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException("expected " + schema.size() + " columns, got " + columns.length);
        }
        for (int i = 0; i < columns.length; i++) {
            Column c = schema.get(i);
            Object col = columns[i];
            int length = switch (c.type()) {
                case STRING -> rows;
                case DATE -> ((int[]) col).length;
                case DOUBLE -> ((double[]) col).length;
                case BOOLEAN -> ((boolean[]) col).length;
                case TIMESTAMP -> throw new IllegalArgumentException("the panel has no timestamp column");
            };
            if (length != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + length + " rows, expected " + rows);
            }
        }
    }

    /** A panel with every column allocated and empty (dates {@link #NO_DATE}, doubles NaN, booleans false). */
    public static TickerPanel empty(String ticker, int rows) {
        List<Column> schema = ArtifactSchema.COLUMNS;
        Object[] cols = new Object[schema.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = switch (schema.get(i).type()) {
                case STRING -> null;
                case DATE -> {
                    int[] a = new int[rows];
                    Arrays.fill(a, NO_DATE);
                    yield a;
                }
                case DOUBLE -> {
                    double[] a = new double[rows];
                    Arrays.fill(a, Double.NaN);
                    yield a;
                }
                case BOOLEAN -> new boolean[rows];
                case TIMESTAMP -> throw new IllegalStateException("the panel has no timestamp column");
            };
        }
        return new TickerPanel(ticker, rows, cols);
    }

    public String ticker() {
        return ticker;
    }

    /**
     * Declares DOUBLE columns that are step functions: each holds one value on rows {@code starts[s] ..
     * starts[s+1]-1} (the last step up to the end), as the per-share columns do between two days on which a quarter
     * becomes available. The writer then reads one value per step instead of every row. {@code starts[0]} must be 0.
     */
    public void markSteps(int[] starts, int[] doubleColumns) {
        if (starts.length == 0 || starts[0] != 0) {
            throw new IllegalArgumentException("steps must start at row 0");
        }
        for (int s = 1; s < starts.length; s++) {
            if (starts[s] <= starts[s - 1] || starts[s] >= rows) {
                throw new IllegalArgumentException("step starts must ascend within the rows: " + starts[s]);
            }
        }
        boolean[] marked = new boolean[columns.length];
        for (int c : doubleColumns) {
            if (ArtifactSchema.COLUMNS.get(c).type() != ColumnType.DOUBLE) {
                throw new IllegalArgumentException("not a DOUBLE column: " + ArtifactSchema.COLUMNS.get(c).name());
            }
            marked[c] = true;
        }
        this.stepStarts = starts.clone();
        this.stepColumns = marked;
    }

    /** Whether column {@code c} was declared a step function ({@link #markSteps}). */
    public boolean isStep(int column) {
        return stepColumns != null && stepColumns[column];
    }

    /** The rows where the step columns may change value; null when no column is marked. Not to be changed. */
    public int[] stepStarts() {
        return stepStarts;
    }

    public int rows() {
        return rows;
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

    public int[] dates(String column) {
        return dates(ArtifactSchema.indexOf(column));
    }

    public double[] doubles(String column) {
        return doubles(ArtifactSchema.indexOf(column));
    }

    public boolean[] booleans(String column) {
        return booleans(ArtifactSchema.indexOf(column));
    }
}
