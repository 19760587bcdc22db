package org.avpipeline.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/** One {@link RowQuery}'s scan: the columns it reads, the row groups it skips, the rows it selects. */
final class RowScan {
    private final RowQuery query;
    private final List<String> needed;
    private final List<ValueReader> readers = new ArrayList<>();
    private final int[] output;
    private final ColumnDescriptor tickerColumn;
    private final ColumnDescriptor dateColumn;
    private final Binary ticker;
    private final int from;
    private final int to;
    private final int tickerIndex;
    private final int dateIndex;

    /**
     * @param columns the columns to return, in order
     * @throws IllegalArgumentException for a column the file does not have (or that is nested), or a filter on a
     *     file without a ticker or date column
     */
    RowScan(RowQuery query, List<String> columns, RowGroupReader file) {
        this.query = query;
        this.needed = new ArrayList<>(columns.stream().distinct().toList());
        for (String c : columns) {
            file.readableColumn(c);
        }
        this.ticker = query.ticker().map(Binary::fromString).orElse(null);
        this.from = query.from().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
        this.to = query.to().map(d -> (int) d.toEpochDay()).orElse(Integer.MAX_VALUE);
        this.tickerColumn = query.ticker().isPresent() ? tickerColumn(file) : null;
        this.dateColumn = query.filtersDates() ? dateColumn(file) : null;
        for (String c : needed) {
            readers.add(ValueReader.of(file.readableColumn(c).getPrimitiveType()));
        }
        this.output = columns.stream().mapToInt(needed::indexOf).toArray();
        this.tickerIndex = needed.indexOf(ArtifactSchema.TICKER);
        this.dateIndex = needed.indexOf(query.dateColumn());
    }

    private ColumnDescriptor tickerColumn(RowGroupReader file) {
        ColumnDescriptor d = file.readableColumn(ArtifactSchema.TICKER);
        if (d.getPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY) {
            throw new IllegalArgumentException("the ticker column is not a string column");
        }
        if (!needed.contains(ArtifactSchema.TICKER)) {
            needed.add(ArtifactSchema.TICKER);
        }
        return d;
    }

    private ColumnDescriptor dateColumn(RowGroupReader file) {
        ColumnDescriptor d = file.readableColumn(query.dateColumn());
        if (!(d.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation)) {
            throw new IllegalArgumentException("the " + query.dateColumn() + " column is not a Date column");
        }
        if (!needed.contains(query.dateColumn())) {
            needed.add(query.dateColumn());
        }
        return d;
    }

    /** The columns to read: the query's, then the filters' when the query does not return them. */
    List<String> needed() {
        return needed;
    }

    /** False when the row group's statistics rule out the ticker or the dates. */
    boolean mayMatch(BlockMetaData b) {
        return (tickerColumn == null || mayContain(RowGroupReader.chunk(b, tickerColumn), ticker))
                && (dateColumn == null || mayOverlap(RowGroupReader.chunk(b, dateColumn), from, to));
    }

    /** Reads one row group (a reader per {@link #needed()} column) and passes its selected rows to the consumer. */
    void rowGroup(long rows, List<ColumnReader> columnReaders, Consumer<List<Object>> consumer) {
        int n = Math.toIntExact(rows);
        boolean[] selected = new boolean[n];
        java.util.Arrays.fill(selected, true);
        Object[][] values = new Object[needed.size()][];
        if (tickerColumn != null) {
            values[tickerIndex] = RowGroupReader.readAll(columnReaders.get(tickerIndex), readers.get(tickerIndex), n,
                    selected);
            String wanted = query.ticker().get();
            for (int i = 0; i < n; i++) {
                selected[i] = wanted.equals(values[tickerIndex][i]);
            }
        }
        if (dateColumn != null) {
            values[dateIndex] = RowGroupReader.readAll(columnReaders.get(dateIndex), readers.get(dateIndex), n,
                    selected);
            for (int i = 0; i < n; i++) {
                java.time.LocalDate day = (java.time.LocalDate) values[dateIndex][i];
                selected[i] = selected[i] && day != null && day.toEpochDay() >= from && day.toEpochDay() <= to;
            }
        }
        for (int c = 0; c < needed.size(); c++) {
            if (values[c] == null) {
                values[c] = RowGroupReader.readAll(columnReaders.get(c), readers.get(c), n, selected);
            }
        }
        emit(values, selected, consumer);
    }

    private void emit(Object[][] values, boolean[] selected, Consumer<List<Object>> consumer) {
        for (int i = 0; i < selected.length; i++) {
            if (selected[i]) {
                Object[] row = new Object[output.length];
                for (int c = 0; c < output.length; c++) {
                    row[c] = values[output[c]][i];
                }
                consumer.accept(Collections.unmodifiableList(java.util.Arrays.asList(row)));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean mayContain(ColumnChunkMetaData chunk, Binary value) {
        Statistics s = chunk.getStatistics();
        if (s == null || s.isEmpty() || !s.hasNonNullValue()) {
            return s == null || s.isEmpty() || !s.isNumNullsSet() || s.getNumNulls() < chunk.getValueCount();
        }
        return s.compareMinToValue(value) <= 0 && s.compareMaxToValue(value) >= 0;
    }

    private static boolean mayOverlap(ColumnChunkMetaData chunk, int from, int to) {
        Statistics<?> s = chunk.getStatistics();
        if (s == null || s.isEmpty() || !s.hasNonNullValue()) {
            return s == null || s.isEmpty() || !s.isNumNullsSet() || s.getNumNulls() < chunk.getValueCount();
        }
        return (Integer) s.genericGetMin() <= to && (Integer) s.genericGetMax() >= from;
    }
}
