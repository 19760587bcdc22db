package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest {
    @TempDir
    Path dir;

    private static final ArtifactMetadata META = new ArtifactMetadata("1.0", "run-9", "QQQ", LocalDate.of(2020, 1, 1),
            Instant.parse("2025-06-01T06:00:00Z"));

    private static TableRows prices(String ticker, int rows, int firstDay) {
        TableRows r = TableRows.empty(CompanionSchemas.PRICES, ticker, rows);
        for (int i = 0; i < rows; i++) {
            r.dates(ArtifactSchema.DATE)[i] = firstDay + i;
            r.doubles(CompanionSchemas.CLOSE)[i] = i % 3 == 0 ? Double.NaN : 10.0 + i;
        }
        return r;
    }

    @Test
    void rowsGoInTickerOrderInRowGroupsOfWholeTickersAndReadBackInDuckDb() throws Exception {
        Path out = dir.resolve(CompanionSchemas.PRICES.fileName());
        ArtifactStats stats;
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, out, META, 5)) {
            w.write(prices("AAA", 4, 19_000));
            w.write(prices("BBB", 3, 19_000));
            w.write(prices("CCC", 0, 19_000));
            w.write(prices("DDD", 6, 19_001));
            stats = w.commit();
        }
        assertEquals(13, stats.rows());
        assertEquals(3, stats.tickers());
        assertEquals(2, stats.rowGroups(), "AAA+BBB, then DDD: a row group ends at the first ticker boundary");
        assertEquals(Files.size(out), stats.bytes());
        try (DuckDb db = new DuckDb()) {
            String f = "read_parquet(" + DuckDb.literal(out) + ")";
            assertEquals(List.of(List.of("AAA", 4L, 2L), List.of("BBB", 3L, 2L), List.of("DDD", 6L, 4L)),
                    db.query("SELECT ticker, count(*), count(close) FROM " + f + " GROUP BY ticker ORDER BY ticker"));
            assertEquals("DATE", db.value("SELECT typeof(date) FROM " + f + " LIMIT 1"));
        }
        ArtifactReader r = ArtifactReader.open(out);
        assertEquals(CompanionSchemas.PRICES.columnNames(), r.columnNames());
        assertEquals("price_artifact", r.keyValueMetadata().get(TableWriter.META_TABLE));
        assertEquals("run-9", r.keyValueMetadata().get(ArtifactSchema.META_RUN_ID));
    }

    @Test
    void stringsAndTimestampsWithMissingValues() throws Exception {
        Path out = dir.resolve(CompanionSchemas.PROFILES.fileName());
        try (TableWriter w = TableWriter.open(CompanionSchemas.PROFILES, out, META)) {
            TableRows a = TableRows.empty(CompanionSchemas.PROFILES, "AAA", 1);
            a.strings("name")[0] = "Aaa Ünïcode Corp";
            a.timestamps(CompanionSchemas.FETCHED_AT)[0] = Instant.parse("2025-05-01T12:34:56.789Z").toEpochMilli();
            w.write(a);
            w.write(TableRows.empty(CompanionSchemas.PROFILES, "BBB", 1));
            w.commit();
        }
        try (DuckDb db = new DuckDb()) {
            List<List<Object>> rows = db.query("SELECT ticker, name, sector, epoch_ms(fetched_at) FROM read_parquet("
                    + DuckDb.literal(out) + ") ORDER BY ticker");
            assertEquals(List.of("AAA", "Aaa Ünïcode Corp"), rows.get(0).subList(0, 2));
            assertEquals(null, rows.get(0).get(2));
            assertEquals(Instant.parse("2025-05-01T12:34:56.789Z").toEpochMilli(), ((Number) rows.get(0).get(3)).longValue());
            assertEquals(java.util.Arrays.asList("BBB", null, null, null), rows.get(1));
        }
    }

    @Test
    void outOfOrderRowsAreRefusedAndTheWriterStaysUsable() throws Exception {
        Path out = dir.resolve(CompanionSchemas.PRICES.fileName());
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, out, META)) {
            w.write(prices("BBB", 2, 19_000));
            assertThrows(IllegalArgumentException.class, () -> w.write(prices("AAA", 2, 19_000)));
            assertThrows(IllegalArgumentException.class, () -> w.write(prices("BBB", 2, 19_100)), "twice");
            TableRows backwards = prices("CCC", 2, 19_000);
            backwards.dates(ArtifactSchema.DATE)[1] = 18_999;
            assertThrows(IllegalArgumentException.class, () -> w.write(backwards));
            assertThrows(IllegalArgumentException.class,
                    () -> w.write(TableRows.empty(CompanionSchemas.PROFILES, "DDD", 1)), "another table's rows");
            w.write(prices("DDD", 2, 19_000));
            assertEquals(4, w.commit().rows());
        }
    }

    @Test
    void withoutACommitNothingReplacesTheEarlierFile() throws Exception {
        Path out = dir.resolve(CompanionSchemas.PRICES.fileName());
        byte[] before = writeEarlierFile(out);
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, out, META)) {
            w.write(prices("ZZZ", 50, 19_000));
        }
        assertArrayEquals(before, Files.readAllBytes(out));
        assertOnlyFileIs(out, "no temporary file left");
        assertFalse(Files.exists(dir.resolve("tmp")));
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void aFinishedFileReachesItsPathOnlyWhenPlacedAndIsDeletedWhenClosedBefore() throws Exception {
        Path out = dir.resolve(CompanionSchemas.PRICES.fileName());
        byte[] before = writeEarlierFile(out);
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, out, META)) {
            w.write(prices("ZZZ", 50, 19_000));
            assertThrows(IllegalStateException.class, w::place, "not finished yet");
            assertEquals(50, w.finish().rows());
            assertArrayEquals(before, Files.readAllBytes(out), "finished, not placed");
        }
        assertArrayEquals(before, Files.readAllBytes(out), "closed before placing: the earlier file stays");
        assertOnlyFileIs(out, "the finished temporary file is deleted");
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, out, META)) {
            w.write(prices("ZZZ", 50, 19_000));
            w.finish();
            w.place();
            assertThrows(IllegalStateException.class, w::place, "placed once");
        }
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(out)), "placed: the new file replaced it");
    }

    /** Commits a small file at {@code out}. @return its bytes */
    private static byte[] writeEarlierFile(Path out) throws Exception {
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, out, META)) {
            w.write(prices("AAA", 2, 19_000));
            w.commit();
        }
        return Files.readAllBytes(out);
    }

    private void assertOnlyFileIs(Path out, String message) throws Exception {
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).toList(), message);
        }
    }
}
