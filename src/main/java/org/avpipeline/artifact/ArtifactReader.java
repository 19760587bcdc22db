package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
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
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(path), ReadOptions.plain())) {
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
        return columnFacts().nullCountFromStatistics(column);
    }

    /**
     * Missing values of every top-level column that can be read as rows, in schema order: from the statistics where
     * every chunk has them, else by reading the column.
     */
    public Map<String, Long> nullCounts() throws IOException {
        return columnFacts().nullCounts();
    }

    /** The number of distinct non-null values of a column (e.g. tickers), by reading it. */
    public long countDistinct(String column) throws IOException {
        return columnFacts().countDistinct(column);
    }

    /**
     * The first and last day of a Date column: from the statistics where every chunk has them, else by reading it.
     * Empty when the column has no values.
     */
    public Optional<DateRange> dateRange(String column) throws IOException {
        return columnFacts().dateRange(column);
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
        RowGroupReader file = rowGroups();
        RowScan scan = new RowScan(query, query.columns().isEmpty() ? file.flatColumns() : query.columns(), file);
        file.forEach(scan.needed(), scan::mayMatch, (rows, columns) -> scan.rowGroup(rows, columns, consumer));
    }

    private RowGroupReader rowGroups() {
        return new RowGroupReader(path, schema, createdBy());
    }

    private ColumnFacts columnFacts() {
        return new ColumnFacts(footer.getBlocks(), schema, rowGroups());
    }
}
