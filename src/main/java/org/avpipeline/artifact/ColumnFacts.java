package org.avpipeline.artifact;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Inspect's column facts (missing, distinct, date range): from the chunks' statistics, else by reading. */
final class ColumnFacts {
    private final List<BlockMetaData> blocks;
    private final MessageType schema;
    private final RowGroupReader file;

    ColumnFacts(List<BlockMetaData> blocks, MessageType schema, RowGroupReader file) {
        this.blocks = blocks;
        this.schema = schema;
        this.file = file;
    }

    /** A column's missing values according to the column chunks' statistics; empty when some chunk has none. */
    OptionalLong nullCountFromStatistics(String column) {
        ColumnDescriptor d = file.readableColumn(column);
        long nulls = 0;
        for (BlockMetaData b : blocks) {
            Statistics<?> s = RowGroupReader.chunk(b, d).getStatistics();
            if (s == null || !s.isNumNullsSet()) {
                return OptionalLong.empty();
            }
            nulls += s.getNumNulls();
        }
        return OptionalLong.of(nulls);
    }

    /** Missing values of every flat top-level column, in schema order. */
    Map<String, Long> nullCounts() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> toScan = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (!RowGroupReader.isFlat(t)) {
                continue;
            }
            OptionalLong n = nullCountFromStatistics(t.getName());
            counts.put(t.getName(), n.isPresent() ? n.getAsLong() : null);
            if (n.isEmpty()) {
                toScan.add(t.getName());
            }
        }
        if (!toScan.isEmpty()) {
            long[] nulls = new long[toScan.size()];
            file.forEach(toScan, b -> true, (rows, columns) -> {
                for (int c = 0; c < nulls.length; c++) {
                    ColumnReader r = columns.get(c);
                    int present = r.getDescriptor().getMaxDefinitionLevel();
                    for (long i = 0; i < rows; i++) {
                        if (r.getCurrentDefinitionLevel() < present) {
                            nulls[c]++;
                        } else {
                            r.skip();
                        }
                        r.consume();
                    }
                }
            });
            for (int c = 0; c < nulls.length; c++) {
                counts.put(toScan.get(c), nulls[c]);
            }
        }
        return counts;
    }

    /** The number of distinct non-null values of a column (e.g. tickers), by reading it. */
    long countDistinct(String column) throws IOException {
        ColumnDescriptor d = file.readableColumn(column);
        ValueReader read = ValueReader.of(d.getPrimitiveType());
        Set<Object> seen = new HashSet<>();
        Object[] previous = new Object[1];
        file.forEach(List.of(column), b -> true, (rows, columns) -> {
            ColumnReader r = columns.get(0);
            int present = d.getMaxDefinitionLevel();
            for (long i = 0; i < rows; i++) {
                if (r.getCurrentDefinitionLevel() == present) {
                    Object v = read.read(r);
                    if (!v.equals(previous[0])) {
                        seen.add(v);
                        previous[0] = v;
                    }
                }
                r.consume();
            }
        });
        return seen.size();
    }

    /** The first and last day of a Date column; empty when the column has no values. */
    Optional<ArtifactReader.DateRange> dateRange(String column) throws IOException {
        ColumnDescriptor d = file.readableColumn(column);
        if (!(d.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation)) {
            throw new IllegalArgumentException("column " + column + " is not a Date column");
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        boolean fromStatistics = true;
        for (BlockMetaData b : blocks) {
            Statistics<?> s = RowGroupReader.chunk(b, d).getStatistics();
            if (s == null || s.isEmpty()) {
                fromStatistics = false;
                break;
            }
            if (s.hasNonNullValue()) {
                min = Math.min(min, (Integer) s.genericGetMin());
                max = Math.max(max, (Integer) s.genericGetMax());
            }
        }
        if (!fromStatistics) {
            int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
            file.forEach(List.of(column), b -> true, (rows, columns) -> {
                ColumnReader r = columns.get(0);
                for (long i = 0; i < rows; i++) {
                    if (r.getCurrentDefinitionLevel() == d.getMaxDefinitionLevel()) {
                        int v = r.getInteger();
                        range[0] = Math.min(range[0], v);
                        range[1] = Math.max(range[1], v);
                    }
                    r.consume();
                }
            });
            min = range[0];
            max = range[1];
        }
        return min > max ? Optional.empty()
                : Optional.of(new ArtifactReader.DateRange(LocalDate.ofEpochDay(min), LocalDate.ofEpochDay(max)));
    }
}
