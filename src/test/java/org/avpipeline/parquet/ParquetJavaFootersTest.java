package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder's footers against parquet-java's own writer (its column writers, page store and file writer, as any
 * parquet-java program writes) on the same rows: per column chunk the statistics, the column and offset indexes, the
 * encodings, the pages (types, counts, rows, encodings, statistics), and DuckDB reads both files as the same rows. The
 * one difference, the name of a REQUIRED column's absent definition levels, is asserted on its own.
 * The rows have what the artifact has: tickers over several pages, dates, dates with gaps, doubles in long runs (a
 * dictionary), doubles all different (too many for a dictionary: PLAIN), a column all missing, booleans.
 */
class ParquetJavaFootersTest {
    private static final int ROWS_PER_TICKER = 23_456;
    private static final List<String> TICKERS = List.of("AAA", "BBB", "CCC");
    private static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("ticker")
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("date")
            .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("reported")
            .optional(PrimitiveTypeName.DOUBLE).named("steps")
            .optional(PrimitiveTypeName.DOUBLE).named("prices")
            .optional(PrimitiveTypeName.DOUBLE).named("never")
            .required(PrimitiveTypeName.BOOLEAN).named("complete")
            .named("footers_test");
    private static final ParquetProperties PROPERTIES = ParquetProperties.builder()
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).withDictionaryEncoding(true)
            .withStatisticsEnabled(true).withAllocator(new HeapByteBufferAllocator()).build();

    @TempDir
    static Path dir;
    private static Path ours;
    private static Path theirs;
    private static final List<Object[]> COLUMNS = new ArrayList<>();

    @BeforeAll
    static void writeBoth() throws IOException {
        Random random = new Random(22);
        for (int t = 0; t < TICKERS.size(); t++) {
            int n = ROWS_PER_TICKER;
            int[] date = new int[n];
            int[] reported = new int[n];
            double[] steps = new double[n];
            double[] prices = new double[n];
            double[] never = new double[n];
            boolean[] complete = new boolean[n];
            for (int i = 0; i < n; i++) {
                date[i] = 10_000 + i;
                reported[i] = i % 97 < 5 ? Integer.MIN_VALUE : 10_000 + i / 63 * 63;
                steps[i] = i < 300 ? Double.NaN : (i / 63) * 0.25 - 40;
                prices[i] = i % 501 == 0 ? Double.NaN : 100 * random.nextDouble();
                never[i] = Double.NaN;
                complete[i] = (i / 1_000) % 2 == 0;
            }
            COLUMNS.add(new Object[] {TICKERS.get(t), date, reported, steps, prices, never, complete});
        }
        ours = dir.resolve("ours.parquet");
        theirs = dir.resolve("theirs.parquet");
        writeOurs(ours);
        writeTheirs(theirs);
    }

    private static void writeOurs(Path file) throws IOException {
        StagedParquetFile staged = new StagedParquetFile(file, SCHEMA, 64L << 20);
        RowGroup group = staged.newRowGroup();
        for (Object[] c : COLUMNS) {
            int n = ROWS_PER_TICKER;
            group.column(0).appendText((String) c[0], n);
            group.column(1).appendInts((int[]) c[1], n, Integer.MIN_VALUE);
            group.column(2).appendInts((int[]) c[2], n, Integer.MIN_VALUE);
            for (int d = 3; d <= 5; d++) {
                group.column(d).appendDoubles((double[]) c[d], n);
            }
            group.column(6).appendBooleans((boolean[]) c[6], n);
            group.endRows(n);
        }
        staged.write(group);
        staged.finish(Map.of());
        staged.place();
    }

    /** The same rows through parquet-java's column writers, value by value. */
    private static void writeTheirs(Path file) throws IOException {
        List<ColumnDescriptor> descriptors = SCHEMA.getColumns();
        ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(file), SCHEMA, ParquetFileWriter.Mode.CREATE,
                64L << 20, 0, PROPERTIES.getColumnIndexTruncateLength(), PROPERTIES.getStatisticsTruncateLength(),
                PROPERTIES.getPageWriteChecksumEnabled(), (FileEncryptionProperties) null);
        w.start();
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                new PlainCodecs().getCompressor(CompressionCodecName.ZSTD), SCHEMA, PROPERTIES.getAllocator(),
                PROPERTIES.getColumnIndexTruncateLength(), PROPERTIES.getPageWriteChecksumEnabled());
        ColumnWriteStore store = PROPERTIES.newColumnWriteStore(SCHEMA, pages, pages);
        long rows = 0;
        for (Object[] c : COLUMNS) {
            for (int i = 0; i < ROWS_PER_TICKER; i++) {
                for (int col = 0; col < descriptors.size(); col++) {
                    ColumnWriter cw = store.getColumnWriter(descriptors.get(col));
                    int present = descriptors.get(col).getMaxDefinitionLevel();
                    Object values = c[col];
                    if (values instanceof String s) {
                        cw.write(Binary.fromString(s), 0, present);
                    } else if (values instanceof int[] a) {
                        if (a[i] == Integer.MIN_VALUE) {
                            cw.writeNull(0, 0);
                        } else {
                            cw.write(a[i], 0, present);
                        }
                    } else if (values instanceof double[] a) {
                        if (Double.isNaN(a[i])) {
                            cw.writeNull(0, 0);
                        } else {
                            cw.write(a[i], 0, present);
                        }
                    } else {
                        cw.write(((boolean[]) values)[i], 0, present);
                    }
                }
                store.endRecord();
                rows++;
            }
        }
        w.startBlock(rows);
        store.flush();
        pages.flushToFileWriter(w);
        w.endBlock();
        w.end(Map.of());
        store.close();
        pages.close();
    }

    @Test
    void chunksHaveTheSameStatisticsEncodingsAndValueCounts() throws IOException {
        List<ColumnChunkMetaData> a = chunks(ours);
        List<ColumnChunkMetaData> b = chunks(theirs);
        assertEquals(b.size(), a.size());
        for (int c = 0; c < a.size(); c++) {
            String col = a.get(c).getPath().toDotString();
            Statistics<?> sa = a.get(c).getStatistics();
            Statistics<?> sb = b.get(c).getStatistics();
            assertEquals(sb.getNumNulls(), sa.getNumNulls(), col + " null count");
            assertEquals(sb.hasNonNullValue(), sa.hasNonNullValue(), col + " has values");
            if (sb.hasNonNullValue()) {
                assertEquals(sb.genericGetMin(), sa.genericGetMin(), col + " min");
                assertEquals(sb.genericGetMax(), sa.genericGetMax(), col + " max");
            }
            assertEquals(b.get(c).getValueCount(), a.get(c).getValueCount(), col + " values");
            Set<Encoding> expected = new HashSet<>(b.get(c).getEncodings());
            if (required(c)) {
                expected.add(Encoding.RLE); // see requiredColumnsNameTheirAbsentLevelsRleNotBitPacked
            }
            assertEquals(expected, a.get(c).getEncodings(), col + " encodings");
            assertEquals(b.get(c).getEncodingStats().getDictionaryEncodings(),
                    a.get(c).getEncodingStats().getDictionaryEncodings(), col + " dictionary page encodings");
            assertEquals(b.get(c).getEncodingStats().getDataEncodings(),
                    a.get(c).getEncodingStats().getDataEncodings(), col + " data page encodings");
            assertEquals(b.get(c).hasDictionaryPage(), a.get(c).hasDictionaryPage(), col + " dictionary page");
            assertEquals(b.get(c).getCodec(), a.get(c).getCodec(), col + " codec");
        }
    }

    @Test
    void columnAndOffsetIndexesAreTheSame() throws IOException {
        try (ParquetFileReader ra = open(ours); ParquetFileReader rb = open(theirs)) {
            List<ColumnChunkMetaData> a = ra.getFooter().getBlocks().get(0).getColumns();
            List<ColumnChunkMetaData> b = rb.getFooter().getBlocks().get(0).getColumns();
            for (int c = 0; c < a.size(); c++) {
                String col = a.get(c).getPath().toDotString();
                ColumnIndex ia = ra.readColumnIndex(a.get(c));
                ColumnIndex ib = rb.readColumnIndex(b.get(c));
                assertTrue(ia != null && ib != null, col + ": a column index in both");
                assertEquals(ib.getBoundaryOrder(), ia.getBoundaryOrder(), col + " boundary order");
                assertEquals(ib.getNullPages(), ia.getNullPages(), col + " null pages");
                assertEquals(ib.getNullCounts(), ia.getNullCounts(), col + " null counts");
                assertEquals(ib.getMinValues(), ia.getMinValues(), col + " page minimums");
                assertEquals(ib.getMaxValues(), ia.getMaxValues(), col + " page maximums");
                OffsetIndex oa = ra.readOffsetIndex(a.get(c));
                OffsetIndex ob = rb.readOffsetIndex(b.get(c));
                assertTrue(oa != null && ob != null, col + ": an offset index in both");
                assertEquals(ob.getPageCount(), oa.getPageCount(), col + " pages");
                for (int p = 0; p < ob.getPageCount(); p++) {
                    assertEquals(ob.getFirstRowIndex(p), oa.getFirstRowIndex(p), col + " page " + p + " first row");
                }
            }
        }
    }

    @Test
    void pagesHaveTheSameHeaders() throws IOException {
        assertEquals(pageHeaders(theirs), pageHeaders(ours));
        assertTrue(pageHeaders(ours).get(0).size() > 3, "tickers over several pages: " + pageHeaders(ours).get(0));
    }

    /**
     * The one difference: a REQUIRED column has no definition levels, and its pages name that absent level stream RLE
     * where parquet-java names it BIT_PACKED (so the chunk's encodings list RLE too). Readers ignore the name when the
     * maximum level is 0 (parquet-java and DuckDB read both files alike, {@link #duckDbReadsTheSameRows()}); kept so
     * that the artifact's bytes do not change with the encoder's move.
     */
    @Test
    void requiredColumnsNameTheirAbsentLevelsRleNotBitPacked() throws IOException {
        List<String> ourNames = levelEncodings(ours);
        List<String> theirNames = levelEncodings(theirs);
        for (int c = 0; c < SCHEMA.getColumns().size(); c++) {
            String col = SCHEMA.getColumns().get(c).toString();
            assertEquals("RLE", ourNames.get(c), col);
            assertEquals(required(c) ? "BIT_PACKED" : "RLE", theirNames.get(c), col);
        }
    }

    /** Per column: the definition-level encoding its pages name (all pages alike). */
    private static List<String> levelEncodings(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParquetFileReader r = open(file)) {
            PageReadStore group = r.readNextRowGroup();
            for (ColumnDescriptor d : SCHEMA.getColumns()) {
                Set<String> names = new HashSet<>();
                PageReader reader = group.getPageReader(d);
                for (var page = reader.readPage(); page != null; page = reader.readPage()) {
                    names.add(((DataPageV1) page).getDlEncoding().toString());
                }
                assertEquals(1, names.size(), d + ": " + names);
                out.add(names.iterator().next());
            }
        }
        return out;
    }

    private static boolean required(int column) {
        return required(SCHEMA.getColumns().get(column));
    }

    private static boolean required(ColumnDescriptor d) {
        return d.getMaxDefinitionLevel() == 0;
    }

    @Test
    void duckDbReadsTheSameRows() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            String a = "read_parquet('" + ours + "')";
            String b = "read_parquet('" + theirs + "')";
            assertEquals((long) TICKERS.size() * ROWS_PER_TICKER, count(s, "select count(*) from " + a));
            assertEquals(0L, count(s, "select count(*) from (select * from " + a + " except all select * from " + b
                    + ")"));
            assertEquals(0L, count(s, "select count(*) from (select * from " + b + " except all select * from " + a
                    + ")"));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Per column: each page as its type, rows, encodings and statistics. */
    private static List<List<String>> pageHeaders(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (ParquetFileReader r = open(file)) {
            PageReadStore group = r.readNextRowGroup();
            for (ColumnDescriptor d : SCHEMA.getColumns()) {
                List<String> pages = new ArrayList<>();
                PageReader reader = group.getPageReader(d);
                DictionaryPage dict = reader.readDictionaryPage();
                if (dict != null) {
                    pages.add("dictionary " + dict.getDictionarySize() + " " + dict.getEncoding());
                }
                for (var page = reader.readPage(); page != null; page = reader.readPage()) {
                    DataPageV1 v1 = (DataPageV1) page;
                    String dl = required(d) ? "(no levels)" : v1.getDlEncoding().toString();
                    pages.add("v1 " + v1.getValueCount() + " " + v1.getRlEncoding() + " " + dl + " "
                            + v1.getValueEncoding() + " " + v1.getStatistics());
                }
                out.add(pages);
            }
        }
        return out;
    }

    private static List<ColumnChunkMetaData> chunks(Path file) throws IOException {
        try (ParquetFileReader r = open(file)) {
            List<BlockMetaData> blocks = r.getFooter().getBlocks();
            assertEquals(1, blocks.size());
            return blocks.get(0).getColumns();
        }
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return new ParquetFileReader(new LocalInputFile(file), ReadOptions.plain());
    }
}
