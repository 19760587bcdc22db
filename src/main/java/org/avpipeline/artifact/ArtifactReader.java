package org.avpipeline.artifact;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.avpipeline.parquet.ReadOptions;

/**
 * Reads any Parquet file: its schema, row count and footer metadata, null counts, and rows (all or some columns,
 * optionally of one ticker and a date range). Made for inspect and for tests; artifacts written by this program and
 * by the original R system (every column OPTIONAL, other row groups) read alike.
 *
 * <p>Values come back as Java objects: {@code String} (String, Enum and Json columns), {@code LocalDate} (Date),
 * {@code Double}, {@code Float}, {@code Boolean}, {@code Integer}, {@code Long}, {@code BigDecimal} (Decimal),
 * {@code Instant} or {@code LocalDateTime} (Timestamp), a hex string for other binary, and {@code null} for a missing
 * value. Only top-level, non-repeated columns can be read as rows.
 */
public final class ArtifactReader {
    private final Path path;
    private final ParquetMetadata footer;
    private final MessageType schema;

    /** A first and last day. */
    public record DateRange(LocalDate first, LocalDate last) {}

    private ArtifactReader(Path path, ParquetMetadata footer) {
        this.path = path;
        this.footer = footer;
        this.schema = footer.getFileMetaData().getSchema();
    }

    /**
     * Reads the footer of a Parquet file.
     *
     * @throws IOException with a message naming the file when it is missing, a directory, or not Parquet
     */
    public static ArtifactReader open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a file: " + path);
        }
        requireParquetMagic(path);
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(path), options())) {
            return new ArtifactReader(path, r.getFooter());
        } catch (RuntimeException | IOException e) {
            throw new IOException(path + " is not a readable Parquet file: " + e.getMessage(), e);
        }
    }

    /** A Parquet file starts and ends with "PAR1" ("PARE" at the end when its footer is encrypted). */
    private static void requireParquetMagic(Path path) throws IOException {
        long size = Files.size(path);
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        if (size >= 12) {
            try (java.nio.channels.SeekableByteChannel c = Files.newByteChannel(path)) {
                c.read(java.nio.ByteBuffer.wrap(head));
                c.position(size - 4);
                c.read(java.nio.ByteBuffer.wrap(tail));
            }
        }
        String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        String end = new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!start.equals("PAR1") || !(end.equals("PAR1") || end.equals("PARE"))) {
            throw new IOException(path + " is not a Parquet file (" + (size < 12 ? "only " + size + " bytes"
                    : start.equals("PAR1") ? "no PAR1 at its end: incomplete or damaged"
                    : "it does not start with PAR1") + ")");
        }
        if (end.equals("PARE")) {
            throw new IOException(path + " is an encrypted Parquet file, which inspect cannot read");
        }
    }

    public Path path() {
        return path;
    }

    public long rowCount() {
        long n = 0;
        for (BlockMetaData b : footer.getBlocks()) {
            n += b.getRowCount();
        }
        return n;
    }

    public int rowGroupCount() {
        return footer.getBlocks().size();
    }

    /** The rows of each row group, in file order. */
    public List<Long> rowGroupRows() {
        return footer.getBlocks().stream().map(BlockMetaData::getRowCount).toList();
    }

    /** The writer's name and version as the file records it (may be empty). */
    public String createdBy() {
        String s = footer.getFileMetaData().getCreatedBy();
        return s == null ? "" : s;
    }

    /** The footer's key-value metadata, in file order. */
    public Map<String, String> keyValueMetadata() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(footer.getFileMetaData().getKeyValueMetaData()));
    }

    /** The compression codecs the column chunks use, e.g. {@code [ZSTD]}. */
    public Set<String> codecs() {
        Set<String> codecs = new java.util.TreeSet<>();
        for (BlockMetaData b : footer.getBlocks()) {
            for (ColumnChunkMetaData c : b.getColumns()) {
                codecs.add(c.getCodec().name());
            }
        }
        return codecs;
    }

    /** The top-level fields of the schema, in order. */
    public List<ParquetField> fields() {
        List<ParquetField> fields = new ArrayList<>();
        for (Type t : schema.getFields()) {
            String physical = t.isPrimitive() ? t.asPrimitiveType().getPrimitiveTypeName().name() : "GROUP";
            LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
            fields.add(new ParquetField(t.getName(), physical, logical == null ? "" : ParquetField.logicalName(logical),
                    t.getRepetition().name()));
        }
        return fields;
    }

    public List<String> columnNames() {
        return schema.getFields().stream().map(Type::getName).toList();
    }

    /** How the schema differs from the artifact's. */
    public SchemaCheck schemaCheck() {
        return SchemaCheck.of(schema);
    }

    /** How the schema differs from a table's columns (a companion's, {@link TableSchema#columns()}). */
    public SchemaCheck schemaCheck(List<Column> expected) {
        return SchemaCheck.of(schema, expected);
    }

    /** A column's missing values according to the column chunks' statistics; empty when some chunk has none. */
    public OptionalLong nullCountFromStatistics(String column) {
        ColumnDescriptor d = readableColumn(column);
        long nulls = 0;
        for (BlockMetaData b : footer.getBlocks()) {
            Statistics<?> s = chunk(b, d).getStatistics();
            if (s == null || !s.isNumNullsSet()) {
                return OptionalLong.empty();
            }
            nulls += s.getNumNulls();
        }
        return OptionalLong.of(nulls);
    }

    /**
     * Missing values of every top-level column that can be read as rows, in schema order: from the statistics where
     * every chunk has them, else by reading the column.
     */
    public Map<String, Long> nullCounts() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> toScan = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (!isFlat(t)) {
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
            forEachRowGroup(toScan, b -> true, (rows, columns) -> {
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
    public long countDistinct(String column) throws IOException {
        ColumnDescriptor d = readableColumn(column);
        ValueReader read = valueReader(d.getPrimitiveType());
        Set<Object> seen = new HashSet<>();
        Object[] previous = new Object[1];
        forEachRowGroup(List.of(column), b -> true, (rows, columns) -> {
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

    /**
     * The first and last day of a Date column: from the statistics where every chunk has them, else by reading it.
     * Empty when the column has no values.
     */
    public Optional<DateRange> dateRange(String column) throws IOException {
        ColumnDescriptor d = readableColumn(column);
        if (!(d.getPrimitiveType().getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation)) {
            throw new IllegalArgumentException("column " + column + " is not a Date column");
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        boolean fromStatistics = true;
        for (BlockMetaData b : footer.getBlocks()) {
            Statistics<?> s = chunk(b, d).getStatistics();
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
            forEachRowGroup(List.of(column), b -> true, (rows, columns) -> {
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
                : Optional.of(new DateRange(LocalDate.ofEpochDay(min), LocalDate.ofEpochDay(max)));
    }

    /** The rows a query selects, each a list of values in the query's column order. */
    public List<List<Object>> read(RowQuery query) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        scan(query, rows::add);
        return rows;
    }

    /**
     * Streams the rows a query selects to {@code consumer}, each a list of values in the query's column order. Row
     * groups whose statistics rule out the ticker or the dates are not read.
     *
     * @throws IllegalArgumentException for a column the file does not have (or that is nested), or a filter on a
     *     file without a ticker or date column
     */
    public void scan(RowQuery query, Consumer<List<Object>> consumer) throws IOException {
        List<String> columns = query.columns().isEmpty()
                ? schema.getFields().stream().filter(ArtifactReader::isFlat).map(Type::getName).toList()
                : query.columns();
        List<String> needed = new ArrayList<>(columns.stream().distinct().toList());
        for (String c : columns) {
            readableColumn(c);
        }
        Optional<Binary> ticker = query.ticker().map(Binary::fromString);
        int from = query.from().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
        int to = query.to().map(d -> (int) d.toEpochDay()).orElse(Integer.MAX_VALUE);
        ColumnDescriptor tickerColumn = null;
        ColumnDescriptor dateColumn = null;
        if (ticker.isPresent()) {
            tickerColumn = readableColumn(ArtifactSchema.TICKER);
            if (tickerColumn.getPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.BINARY) {
                throw new IllegalArgumentException("the ticker column is not a string column");
            }
            if (!needed.contains(ArtifactSchema.TICKER)) {
                needed.add(ArtifactSchema.TICKER);
            }
        }
        if (query.filtersDates()) {
            dateColumn = readableColumn(query.dateColumn());
            if (!(dateColumn.getPrimitiveType().getLogicalTypeAnnotation()
                    instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation)) {
                throw new IllegalArgumentException("the " + query.dateColumn() + " column is not a Date column");
            }
            if (!needed.contains(query.dateColumn())) {
                needed.add(query.dateColumn());
            }
        }
        List<ValueReader> readers = new ArrayList<>();
        for (String c : needed) {
            readers.add(valueReader(readableColumn(c).getPrimitiveType()));
        }
        int[] output = columns.stream().mapToInt(needed::indexOf).toArray();
        ColumnDescriptor tc = tickerColumn;
        ColumnDescriptor dc = dateColumn;
        Predicate<BlockMetaData> mayMatch = b -> (tc == null || mayContain(chunk(b, tc), ticker.get()))
                && (dc == null || mayOverlap(chunk(b, dc), from, to));
        int tickerIndex = needed.indexOf(ArtifactSchema.TICKER);
        int dateIndex = needed.indexOf(query.dateColumn());
        forEachRowGroup(needed, mayMatch, (rows, columnReaders) -> {
            int n = Math.toIntExact(rows);
            boolean[] selected = new boolean[n];
            java.util.Arrays.fill(selected, true);
            Object[][] values = new Object[needed.size()][];
            if (tc != null) {
                values[tickerIndex] = readAll(columnReaders.get(tickerIndex), readers.get(tickerIndex), n, selected);
                String wanted = query.ticker().get();
                for (int i = 0; i < n; i++) {
                    selected[i] = wanted.equals(values[tickerIndex][i]);
                }
            }
            if (dc != null) {
                values[dateIndex] = readAll(columnReaders.get(dateIndex), readers.get(dateIndex), n, selected);
                for (int i = 0; i < n; i++) {
                    LocalDate day = (LocalDate) values[dateIndex][i];
                    selected[i] = selected[i] && day != null && day.toEpochDay() >= from && day.toEpochDay() <= to;
                }
            }
            for (int c = 0; c < needed.size(); c++) {
                if (values[c] == null) {
                    values[c] = readAll(columnReaders.get(c), readers.get(c), n, selected);
                }
            }
            for (int i = 0; i < n; i++) {
                if (selected[i]) {
                    Object[] row = new Object[output.length];
                    for (int c = 0; c < output.length; c++) {
                        row[c] = values[output[c]][i];
                    }
                    consumer.accept(Collections.unmodifiableList(java.util.Arrays.asList(row)));
                }
            }
        });
    }

    // ---- reading column chunks

    /** Reads all values of a chunk, converting only the selected ones (the others are skipped, as parquet needs). */
    private static Object[] readAll(ColumnReader r, ValueReader read, int rows, boolean[] selected) {
        Object[] values = new Object[rows];
        int present = r.getDescriptor().getMaxDefinitionLevel();
        for (int i = 0; i < rows; i++) {
            if (r.getCurrentDefinitionLevel() == present) {
                if (selected[i]) {
                    values[i] = read.read(r);
                } else {
                    r.skip();
                }
            }
            r.consume();
        }
        return values;
    }

    @FunctionalInterface
    private interface RowGroupVisitor {
        void visit(long rows, List<ColumnReader> columns) throws IOException;
    }

    /** Calls the visitor with a reader per named column for each row group the predicate lets through. */
    private void forEachRowGroup(List<String> columns, Predicate<BlockMetaData> read, RowGroupVisitor visitor)
            throws IOException {
        List<Type> types = new ArrayList<>();
        for (String c : columns) {
            types.add(schema.getType(c));
        }
        MessageType projection = new MessageType(schema.getName(), types);
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(path), options())) {
            r.setRequestedSchema(projection);
            for (BlockMetaData block : r.getRowGroups()) {
                if (!read.test(block)) {
                    r.skipNextRowGroup();
                    continue;
                }
                PageReadStore pages = r.readNextRowGroup();
                if (pages == null) {
                    break;
                }
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new IgnoringGroupConverter(projection),
                        projection, createdBy());
                List<ColumnReader> readers = new ArrayList<>();
                for (String c : columns) {
                    readers.add(store.getColumnReader(projection.getColumnDescription(new String[] {c})));
                }
                visitor.visit(pages.getRowCount(), readers);
            }
        }
    }

    private static ParquetReadOptions options() {
        return ReadOptions.plain();
    }

    private ColumnDescriptor readableColumn(String name) {
        if (!schema.containsField(name)) {
            throw new IllegalArgumentException("no column " + name + " in " + path.getFileName());
        }
        Type t = schema.getType(name);
        if (!isFlat(t)) {
            throw new IllegalArgumentException("column " + name + " is nested or repeated; only flat columns can be"
                    + " read as rows");
        }
        return schema.getColumnDescription(new String[] {name});
    }

    private static boolean isFlat(Type t) {
        return t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED);
    }

    private static ColumnChunkMetaData chunk(BlockMetaData block, ColumnDescriptor d) {
        for (ColumnChunkMetaData c : block.getColumns()) {
            if (java.util.Arrays.equals(c.getPath().toArray(), d.getPath())) {
                return c;
            }
        }
        throw new IllegalStateException("row group has no chunk for " + String.join(".", d.getPath()));
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

    // ---- values

    @FunctionalInterface
    private interface ValueReader {
        Object read(ColumnReader r);
    }

    private static ValueReader valueReader(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
            int scale = dec.getScale();
            return switch (type.getPrimitiveTypeName()) {
                case INT32 -> r -> BigDecimal.valueOf(r.getInteger(), scale);
                case INT64 -> r -> BigDecimal.valueOf(r.getLong(), scale);
                default -> r -> new BigDecimal(new BigInteger(r.getBinary().getBytes()), scale);
            };
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> ColumnReader::getBoolean;
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? r -> LocalDate.ofEpochDay(r.getInteger())
                    : ColumnReader::getInteger;
            case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    ? timestamp(ts)
                    : ColumnReader::getLong;
            case FLOAT -> ColumnReader::getFloat;
            case DOUBLE -> ColumnReader::getDouble;
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> isText(logical)
                    ? r -> r.getBinary().toStringUsingUTF8()
                    : r -> "0x" + HexFormat.of().formatHex(r.getBinary().getBytes());
        };
    }

    private static boolean isText(LogicalTypeAnnotation logical) {
        return logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    }

    private static ValueReader timestamp(LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
        long perSecond = switch (ts.getUnit()) {
            case MILLIS -> 1_000L;
            case MICROS -> 1_000_000L;
            case NANOS -> 1_000_000_000L;
        };
        return r -> {
            long v = r.getLong();
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(v, perSecond),
                    Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond));
            return ts.isAdjustedToUTC() ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        };
    }

    /** parquet's column readers want converters; values are read from the readers directly instead. */
    private static final class IgnoringGroupConverter extends GroupConverter {
        private final Converter[] children;

        IgnoringGroupConverter(GroupType type) {
            children = new Converter[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type t = type.getType(i);
                children[i] = t.isPrimitive() ? new PrimitiveConverter() {} : new IgnoringGroupConverter(t.asGroupType());
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
