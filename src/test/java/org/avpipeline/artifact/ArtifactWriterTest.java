package org.avpipeline.artifact;

import static org.avpipeline.artifact.DuckDb.literal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written artifact as DuckDB, an independent reader, sees it. */
class ArtifactWriterTest {
    @TempDir
    Path dir;

    private DuckDb duck;

    @BeforeEach
    void startDuckDb() throws Exception {
        duck = new DuckDb();
    }

    @AfterEach
    void stopDuckDb() throws Exception {
        duck.close();
    }

    private Path writeSample(ArtifactWriter.RowGroupLimits limits) throws IOException {
        Path file = dir.resolve("out").resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META, limits)) {
            for (TickerPanel p : SamplePanels.three()) {
                w.write(p);
            }
            w.commit();
        }
        return file;
    }

    private Path writeSample() throws IOException {
        return writeSample(ArtifactWriter.RowGroupLimits.DEFAULT);
    }

    @Test
    void columnsAreTheArtifactsInOrderWithTheirTypes() throws Exception {
        Path file = writeSample();
        List<List<Object>> described = duck.query("DESCRIBE SELECT * FROM read_parquet(" + literal(file) + ")");
        assertEquals(160, described.size());
        for (int i = 0; i < 160; i++) {
            Column c = ArtifactSchema.COLUMNS.get(i);
            String expected = switch (c.type()) {
                case STRING -> "VARCHAR";
                case DATE -> "DATE";
                case DOUBLE -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                case TIMESTAMP -> "TIMESTAMPTZ";
            };
            assertEquals(List.of(c.name(), expected), described.get(i).subList(0, 2), "column " + (i + 1));
        }
    }

    @Test
    void physicalTypesAndRepetitionFollowTheSpec() throws Exception {
        Path file = writeSample();
        Map<String, List<Object>> schema = duck.query("SELECT name, type, repetition_type, logical_type::VARCHAR"
                        + " FROM parquet_schema(" + literal(file) + ") WHERE num_children IS NULL").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> r.subList(1, 4)));
        assertEquals(160, schema.size());
        assertEquals("BYTE_ARRAY", schema.get("ticker").get(0));
        assertEquals("REQUIRED", schema.get("ticker").get(1));
        assertTrue(String.valueOf(schema.get("ticker").get(2)).contains("StringType"), schema.get("ticker").toString());
        assertEquals("INT32", schema.get("date").get(0));
        assertEquals("OPTIONAL", schema.get("date").get(1));
        assertTrue(String.valueOf(schema.get("date").get(2)).contains("DateType"), schema.get("date").toString());
        assertEquals("REQUIRED", schema.get("has_complete_financial_data").get(1));
        assertEquals("BOOLEAN", schema.get("has_complete_financial_data").get(0));
        assertEquals(List.of("DOUBLE", "OPTIONAL"), schema.get("market_cap").subList(0, 2));
    }

    @Test
    void rowsAreSortedByTickerThenDateAndUnique() throws Exception {
        Path file = writeSample();
        List<List<Object>> keys = duck.query("SELECT ticker, date::VARCHAR FROM read_parquet(" + literal(file) + ")");
        assertEquals(9, keys.size());
        List<List<Object>> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing((List<Object> r) -> (String) r.get(0))
                .thenComparing(r -> (String) r.get(1)));
        assertEquals(sorted, keys);
        assertEquals(9L, duck.value("SELECT count(DISTINCT (ticker, date)) FROM read_parquet(" + literal(file) + ")"));
        assertEquals(List.of("AAA", "2020-01-02"), keys.get(0));
        assertEquals(List.of("BBB", "2019-12-31"), keys.get(3));
        assertEquals(List.of("CCC", "2020-02-03"), keys.get(8));
    }

    @Test
    void missingValuesAreNullAndValuesExact() throws Exception {
        Path file = writeSample();
        String from = " FROM read_parquet(" + literal(file) + ") ";
        List<List<Object>> aaa = duck.query("SELECT adjusted_close, fiscalDateEnding::VARCHAR, reportedDate::VARCHAR,"
                + " market_cap, totalAssets_per_share, has_complete_financial_data, invested_capital_per_share"
                + from + "WHERE ticker = 'AAA' ORDER BY date");
        assertEquals(java.util.Arrays.asList(10.5, null, null, null, null, false, 7.0), aaa.get(0));
        assertEquals(java.util.Arrays.asList(null, "2019-09-30", null, null, -0.125, false, null), aaa.get(1));
        assertEquals(java.util.Arrays.asList(11.25, "2019-09-30", "2019-10-30", 1234.5, -0.125, true, null),
                aaa.get(2));
        assertEquals(List.of(100.0, 101.0, 102.0, 103.0),
                duck.query("SELECT open" + from + "WHERE ticker = 'BBB' ORDER BY date").stream()
                        .map(r -> r.get(0)).toList());
        assertEquals(1.5e9, duck.value("SELECT volume" + from + "WHERE ticker = 'BBB' AND date = DATE '2020-01-06'"));
        assertEquals(3.75, duck.value("SELECT \"netIncome.cf_ttm_per_share\"" + from
                + "WHERE ticker = 'CCC' AND date = DATE '2020-02-03'"));
        assertEquals("2019-12-31", duck.value("SELECT calendar_quarter_ending::VARCHAR" + from
                + "WHERE ticker = 'CCC' AND date = DATE '2020-01-02'"));
        assertEquals(9L, duck.value("SELECT count(*)" + from + "WHERE fcf_ttm_per_share IS NULL"));
        assertEquals(3L, duck.value("SELECT count(*)" + from + "WHERE has_complete_financial_data"));
        assertEquals(0L, duck.value("SELECT count(*)" + from + "WHERE isnan(adjusted_close)"));
    }

    @Test
    void footerHasTheRunMetadata() throws Exception {
        Path file = writeSample();
        Map<String, String> kv = duck.query("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                        + literal(file) + ")").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1)));
        assertEquals("1.2.3-test", kv.get(ArtifactSchema.META_VERSION));
        assertEquals("run-42", kv.get(ArtifactSchema.META_RUN_ID));
        assertEquals("QQQ", kv.get(ArtifactSchema.META_ETF_SYMBOL));
        assertEquals("2020-01-01", kv.get(ArtifactSchema.META_START_DATE));
        assertEquals("2025-02-03T04:05:06Z", kv.get(ArtifactSchema.META_CREATED_AT));
    }

    @Test
    void everyChunkIsZstdWithStatistics() throws Exception {
        Path file = writeSample();
        List<List<Object>> chunks = duck.query("SELECT DISTINCT compression, stats_null_count IS NOT NULL"
                + " FROM parquet_metadata(" + literal(file) + ")");
        assertEquals(List.of(List.of("ZSTD", true)), chunks);
        assertEquals(160L, duck.value("SELECT count(*) FROM parquet_metadata(" + literal(file) + ")"));
    }

    @Test
    void rowGroupsEndAtTickerBoundariesOnceFullEnough() throws Exception {
        Path file = writeSample(new ArtifactWriter.RowGroupLimits(5, 64L << 20));
        List<List<Object>> groups = duck.query("SELECT row_group_id, row_group_num_rows, stats_min_value,"
                + " stats_max_value FROM parquet_metadata(" + literal(file) + ") WHERE path_in_schema = 'ticker'"
                + " ORDER BY row_group_id");
        assertEquals(List.of(List.of(0L, 7L, "AAA", "BBB"), List.of(1L, 2L, "CCC", "CCC")), groups);

        Path perTicker = writeSample(new ArtifactWriter.RowGroupLimits(1, 64L << 20));
        assertEquals(3L, duck.value("SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                + literal(perTicker) + ")"));
    }

    @Test
    void commitReportsWhatWasWritten() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        ArtifactStats stats;
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            for (TickerPanel p : SamplePanels.three()) {
                w.write(p);
            }
            stats = w.commit();
        }
        assertEquals(file.toAbsolutePath(), stats.path());
        assertEquals(9, stats.rows());
        assertEquals(160, stats.columns());
        assertEquals(3, stats.tickers());
        assertEquals(1, stats.rowGroups());
        assertEquals(Files.size(file), stats.bytes());
        assertEquals(Optional.of(LocalDate.of(2019, 12, 31)), stats.firstDate());
        assertEquals(Optional.of(LocalDate.of(2020, 2, 3)), stats.lastDate());
        assertEquals(List.of(file), listDir());
    }

    @Test
    void anArtifactWithoutTickersIsValidAndEmpty() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        ArtifactStats stats;
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            stats = w.commit();
        }
        assertEquals(0, stats.rows());
        assertEquals(Optional.empty(), stats.firstDate());
        assertEquals(0L, duck.value("SELECT count(*) FROM read_parquet(" + literal(file) + ")"));
        assertEquals(160L, (long) duck.query("DESCRIBE SELECT * FROM read_parquet(" + literal(file) + ")").size());
    }

    @Test
    void closingWithoutCommitLeavesNoFile() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.aaa());
            assertEquals(1, listDir().size(), "the temporary file exists while writing");
            assertFalse(Files.exists(file));
        }
        assertFalse(Files.exists(file));
        assertEquals(List.of(), listDir());
    }

    @Test
    void aFailedRunKeepsTheLastGoodArtifact() throws Exception {
        Path file = writeSample();
        byte[] good = Files.readAllBytes(file);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.ccc());
            assertThrows(IllegalArgumentException.class, () -> w.write(SamplePanels.aaa()));
        }
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals(List.of(file), listDir(file.getParent()));
    }

    @Test
    void aCommitReplacesTheLastArtifact() throws Exception {
        Path file = writeSample();
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.bbb());
            w.commit();
        }
        assertEquals(List.of("BBB"), tickersIn(file));
    }

    @Test
    void aFinishedArtifactReachesItsPathOnlyWhenPlaced() throws Exception {
        Path file = writeSample();
        byte[] good = Files.readAllBytes(file);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.bbb());
            assertThrows(IllegalStateException.class, w::place, "not finished yet");
            ArtifactStats stats = w.finish();
            assertEquals(SamplePanels.bbb().rows(), stats.rows());
            assertArrayEquals(good, Files.readAllBytes(file), "finished, not placed: the last artifact stays");
            assertEquals(2, listDir(file.getParent()).size(), "the finished file waits under its temporary name");
            w.place();
            assertThrows(IllegalStateException.class, w::place, "placed once");
        }
        assertEquals(List.of(file), listDir(file.getParent()));
        assertEquals(List.of("BBB"), tickersIn(file));
    }

    @Test
    void closingAFinishedArtifactWithoutPlacingItKeepsTheLastOne() throws Exception {
        Path file = writeSample();
        byte[] good = Files.readAllBytes(file);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.bbb());
            w.finish();
        }
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals(List.of(file), listDir(file.getParent()), "the finished temporary file is deleted");
    }

    private List<Object> tickersIn(Path file) throws Exception {
        return duck.query("SELECT DISTINCT ticker FROM read_parquet(" + literal(file) + ")").stream()
                .map(r -> r.get(0)).toList();
    }

    @Test
    void tickersMustAscend() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.bbb());
            IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                    () -> w.write(SamplePanels.bbb()));
            assertTrue(same.getMessage().contains("BBB after BBB"), same.getMessage());
            IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                    () -> w.write(SamplePanels.aaa()));
            assertTrue(before.getMessage().contains("AAA after BBB"), before.getMessage());
            w.write(SamplePanels.ccc());
            ArtifactStats stats = w.commit();
            assertEquals(2, stats.tickers());
            assertEquals(6, stats.rows());
        }
        assertEquals(List.of("BBB", "CCC"), duck.query("SELECT DISTINCT ticker FROM read_parquet(" + literal(file)
                + ") ORDER BY 1").stream().map(r -> r.get(0)).toList());
    }

    @Test
    void datesMustStrictlyAscendAndBePresent() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            TickerPanel descending = TickerPanel.empty("AAA", 2);
            SamplePanels.dates(descending, "2020-01-03", "2020-01-02");
            assertThrows(IllegalArgumentException.class, () -> w.write(descending));

            TickerPanel duplicate = TickerPanel.empty("AAA", 2);
            SamplePanels.dates(duplicate, "2020-01-03", "2020-01-03");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(duplicate));
            assertTrue(e.getMessage().contains("AAA") && e.getMessage().contains("row 1"), e.getMessage());

            TickerPanel missing = TickerPanel.empty("AAA", 2);
            SamplePanels.dates(missing, "2020-01-03");
            assertThrows(IllegalArgumentException.class, () -> w.write(missing));

            w.write(SamplePanels.aaa());
            assertEquals(3, w.commit().rows());
        }
    }

    @Test
    void aCommittedWriterTakesNoMoreRows() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.aaa());
            w.commit();
            assertThrows(IllegalStateException.class, () -> w.write(SamplePanels.bbb()));
            assertThrows(IllegalStateException.class, w::commit);
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void emptyPanelsWriteNothing() throws Exception {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(SamplePanels.aaa());
            w.write(TickerPanel.empty("ABC", 0));
            w.write(SamplePanels.bbb());
            ArtifactStats stats = w.commit();
            assertEquals(2, stats.tickers());
            assertEquals(7, stats.rows());
        }
        assertNull(duck.query("SELECT * FROM read_parquet(" + literal(file) + ") WHERE ticker = 'ABC'").stream()
                .findFirst().orElse(null));
    }

    private List<Path> listDir() throws IOException {
        return listDir(dir);
    }

    private static List<Path> listDir(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
