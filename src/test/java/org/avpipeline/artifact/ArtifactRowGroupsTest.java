package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.io.api.Binary;
import org.avpipeline.catalog.CatalogTable;
import org.avpipeline.catalog.CatalogTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers skip by ticker (docs/artifact.md, "Row groups"): an artifact of many tickers, written with the default row
 * group limits, has row groups that each hold a contiguous run of whole tickers, disjoint from the next, with min/max
 * statistics on {@code ticker} and {@code date}, page indexes on every column, and at most
 * {@link ArtifactWriter.RowGroupLimits#DEFAULT} rows before its last ticker. A one-ticker query in DuckDB then reads
 * the footer and that ticker's row group only; its footer schema is the Glue table's.
 */
class ArtifactRowGroupsTest {
    private static final int TICKERS = 150;

    @TempDir
    static Path dir;

    private static Path file;
    private static final List<String> tickers = new ArrayList<>();
    private static final List<Integer> rowsOf = new ArrayList<>();
    private static final List<int[]> datesOf = new ArrayList<>();
    private static ParquetMetadata footer;

    @BeforeAll
    static void writeAnArtifactOfManyTickers() throws IOException {
        file = dir.resolve(ArtifactSchema.FILE_NAME);
        Random random = new Random(7);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            for (int t = 0; t < TICKERS; t++) {
                String ticker = String.format("T%04d", t);
                int rows = 3_000 + (t * 397) % 2_600; // 3,000 to 5,599 trading days, as listings of different ages
                TickerPanel panel = WriteBenchmark.synthetic(ticker, rows, random);
                int[] dates = panel.dates(ArtifactSchema.indexOf(ArtifactSchema.DATE));
                tickers.add(ticker);
                rowsOf.add(rows);
                datesOf.add(new int[] {dates[0], dates[rows - 1]});
                w.write(panel);
            }
            w.commit();
        }
        footer = ParquetFooter.read(file);
    }

    @Test
    void rowGroupsAreContiguousDisjointRunsOfWholeTickersWithTickerAndDateStatistics() {
        List<BlockMetaData> blocks = footer.getBlocks();
        assertTrue(blocks.size() >= 5, "enough row groups for the test to mean something: " + blocks.size());
        int next = 0; // the first ticker not yet seen in a row group
        String previousMax = null;
        for (int g = 0; g < blocks.size(); g++) {
            BlockMetaData block = blocks.get(g);
            int first = next;
            long rows = 0;
            while (rows < block.getRowCount()) {
                rows += rowsOf.get(next++);
            }
            assertEquals(block.getRowCount(), rows, "row group " + g + " ends at a ticker boundary");
            int last = next - 1;

            Statistics<?> ticker = ParquetFooter.chunk(block, ArtifactSchema.TICKER).getStatistics();
            assertTrue(ticker.hasNonNullValue(), "ticker statistics in row group " + g);
            assertEquals(tickers.get(first), ((Binary) ticker.genericGetMin()).toStringUsingUTF8(), "min ticker " + g);
            assertEquals(tickers.get(last), ((Binary) ticker.genericGetMax()).toStringUsingUTF8(), "max ticker " + g);
            if (previousMax != null) {
                assertTrue(previousMax.compareTo(tickers.get(first)) < 0, "ranges disjoint and ascending at " + g);
            }
            previousMax = tickers.get(last);

            Statistics<?> date = ParquetFooter.chunk(block, ArtifactSchema.DATE).getStatistics();
            assertTrue(date.hasNonNullValue(), "date statistics in row group " + g);
            int minDate = Integer.MAX_VALUE;
            int maxDate = Integer.MIN_VALUE;
            for (int t = first; t <= last; t++) {
                minDate = Math.min(minDate, datesOf.get(t)[0]);
                maxDate = Math.max(maxDate, datesOf.get(t)[1]);
            }
            assertEquals(minDate, date.genericGetMin(), "min date of row group " + g);
            assertEquals(maxDate, date.genericGetMax(), "max date of row group " + g);

            // The documented bound: a row group ends at the first ticker boundary at or after the row limit.
            long beforeLastTicker = block.getRowCount() - rowsOf.get(last);
            assertTrue(beforeLastTicker < ArtifactWriter.RowGroupLimits.DEFAULT.rows(),
                    "row group " + g + " went on past the limit: " + block.getRowCount() + " rows");
            if (g < blocks.size() - 1) {
                assertTrue(block.getRowCount() >= ArtifactWriter.RowGroupLimits.DEFAULT.rows(),
                        "row group " + g + " ended early: " + block.getRowCount() + " rows");
            }
            assertTrue(block.getTotalByteSize() < ArtifactWriter.RowGroupLimits.DEFAULT.bytes(),
                    "row group " + g + ": " + block.getTotalByteSize() + " bytes");
        }
        assertEquals(TICKERS, next, "every ticker is in a row group");
    }

    @Test
    void everyColumnChunkHasAPageIndexAndTheTickerPagesHaveMinAndMax() throws IOException {
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                assertNotNull(chunk.getColumnIndexReference(), "column index of " + chunk.getPath());
                assertNotNull(chunk.getOffsetIndexReference(), "offset index of " + chunk.getPath());
            }
        }
        List<ColumnIndex> tickerIndexes = ParquetFooter.columnIndexes(file, ArtifactSchema.TICKER);
        for (ColumnIndex index : tickerIndexes) {
            assertNotNull(index);
            assertEquals(index.getMinValues().size(), index.getMaxValues().size());
            assertTrue(index.getMinValues().size() >= 1);
        }
    }

    @Test
    void aOneTickerQueryInDuckDbReadsTheFooterAndThatTickersRowGroupOnly() throws Exception {
        List<BlockMetaData> blocks = footer.getBlocks();
        long size = Files.size(file);
        for (int t : new int[] {0, TICKERS / 2, TICKERS - 1}) {
            String ticker = tickers.get(t);
            DuckDbReads reads = DuckDbReads.of(file, "SELECT * FROM read_parquet(" + DuckDb.literal(file)
                    + ") WHERE ticker = '" + ticker + "'", blocks);
            int group = rowGroupOf(t);
            assertEquals(Set.of(group), reads.rowGroups(), ticker + " lives in row group " + group);
            assertTrue(reads.bytes() < size / 3, ticker + ": read " + reads.bytes() + " of " + size + " bytes");
        }
        DuckDbReads all = DuckDbReads.of(file, "SELECT max(open) FROM read_parquet(" + DuckDb.literal(file) + ")",
                blocks);
        assertEquals(blocks.size(), all.rowGroups().size(), "without a filter every row group is read");
    }

    @Test
    void theFooterSchemaIsTheGlueTablesSchema() {
        CatalogTable fromFile = new CatalogTable(CatalogTables.PANEL.name(), ArtifactSchema.FILE_NAME, "",
                footer.getFileMetaData().getSchema());
        assertEquals(CatalogTables.PANEL.columns(), fromFile.columns());
    }

    @Test
    void theNamedQueriesRunOnTheArtifact() throws Exception {
        String path = DuckDb.literal(file);
        try (DuckDb db = new DuckDb()) {
            // two runs: the newer one is the one the queries must answer from
            db.execute("CREATE VIEW ttm_per_share_financial_artifact AS "
                    + "SELECT *, '2026-11-22' AS run_date FROM read_parquet(" + path + ") WHERE ticker <> 'T0042' "
                    + "UNION ALL SELECT *, '2026-11-29' AS run_date FROM read_parquet(" + path + ")");

            List<List<Object>> latest = db.query(namedQuery("latest_snapshot_of_one_ticker").replace("'AAPL'", "'T0042'"));
            assertEquals(1, latest.size());
            List<Object> row = latest.get(0);
            assertEquals("T0042", row.get(0));
            assertEquals(LocalDate.ofEpochDay(datesOf.get(42)[1]), toLocalDate(row.get(1)), "the ticker's last day");
            assertEquals("2026-11-29", row.get(row.size() - 1), "from the newest run");

            LocalDate day = LocalDate.ofEpochDay(datesOf.get(0)[0]).plusDays(14); // every ticker starts on the same day
            List<List<Object>> crossSection = db.query(namedQuery("cross_section_on_one_day")
                    .replace("DATE '2024-06-28'", "DATE '" + day + "'"));
            assertEquals(TICKERS, crossSection.size(), "one row per ticker on " + day);
            assertEquals(tickers, crossSection.stream().map(r -> (String) r.get(0)).toList());

            List<List<Object>> coverage = db.query(namedQuery("coverage_per_month"));
            long rows = coverage.stream().mapToLong(r -> ((Number) r.get(3)).longValue()).sum();
            assertEquals(rowsOf.stream().mapToLong(Integer::longValue).sum(), rows, "every row of the newest run");
            assertEquals(TICKERS, ((Number) coverage.get(0).get(1)).intValue(), "every ticker in the first month");
        }
    }

    /** The row group that holds ticker {@code t}. */
    private static int rowGroupOf(int t) {
        long rowsBefore = 0;
        for (int i = 0; i < t; i++) {
            rowsBefore += rowsOf.get(i);
        }
        long seen = 0;
        List<BlockMetaData> blocks = footer.getBlocks();
        for (int g = 0; g < blocks.size(); g++) {
            seen += blocks.get(g).getRowCount();
            if (rowsBefore < seen) {
                return g;
            }
        }
        throw new AssertionError("ticker " + t + " is in no row group");
    }

    private static String namedQuery(String name) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("pom.xml"))) {
            root = root.getParent();
        }
        return Files.readString(root.resolve("deploy/terraform/queries/" + name + ".sql"));
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate d ? d : LocalDate.parse(value.toString().substring(0, 10));
    }
}
