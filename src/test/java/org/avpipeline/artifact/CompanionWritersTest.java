package org.avpipeline.artifact;

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

/** The companion files are written on their own thread: in order, complete at commit, and its failures surface. */
class CompanionWritersTest {
    private static final ArtifactMetadata META = new ArtifactMetadata("1.0-test", "run-1", "QQQ",
            LocalDate.of(2004, 12, 31), Instant.parse("2026-12-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void everyTickerHandedOverIsInTheCommittedFiles() throws Exception {
        List<ArtifactStats> stats;
        try (CompanionWriters w = CompanionWriters.open(dir.resolve(ArtifactSchema.FILE_NAME), META)) {
            for (int t = 0; t < 3 * CompanionWriters.QUEUED; t++) {
                w.write(null, prices(String.format("T%03d", t)), null, null);
            }
            stats = w.commit();
        }
        assertEquals(4, stats.size()); // quarters, prices, profiles, restatements
        ArtifactStats prices = stats.get(1);
        assertEquals(3 * CompanionWriters.QUEUED, prices.tickers());
        assertEquals(3 * CompanionWriters.QUEUED * 5L, prices.rows());
        assertTrue(Files.exists(dir.resolve(CompanionSchemas.PRICES.fileName())));
    }

    @Test
    void aFailureOnTheWritersThreadIsThrownToTheCallerAndNothingIsCommitted() throws Exception {
        try (CompanionWriters w = CompanionWriters.open(dir.resolve(ArtifactSchema.FILE_NAME), META)) {
            w.write(null, prices("BBB"), null, null);
            w.write(null, prices("AAA"), null, null); // out of order: the companions' thread fails
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    w.write(null, prices("ZZZ" + i), null, null);
                }
                w.commit();
            });
            assertTrue(e.getMessage().contains("out of order"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(CompanionSchemas.PRICES.fileName())), "nothing committed");
    }

    @Test
    void finishedFilesWaitUnderTemporaryNamesUntilPlaced() throws Exception {
        Path prices = dir.resolve(CompanionSchemas.PRICES.fileName());
        try (CompanionWriters w = CompanionWriters.open(dir.resolve(ArtifactSchema.FILE_NAME), META)) {
            w.write(null, prices("AAA"), null, null);
            w.write(null, prices("BBB"), null, null);
            assertThrows(IllegalStateException.class, w::awaitFinished, "not started");
            w.startFinishing();
            List<ArtifactStats> stats = w.awaitFinished();
            assertEquals(10, stats.get(1).rows());
            assertFalse(Files.exists(prices), "finished, not placed");
            w.place();
        }
        assertTrue(Files.exists(prices));
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "the four files, no temporary one");
        }
    }

    @Test
    void closingFinishedFilesWithoutPlacingThemLeavesNothing() throws Exception {
        try (CompanionWriters w = CompanionWriters.open(dir.resolve(ArtifactSchema.FILE_NAME), META)) {
            w.write(null, prices("AAA"), null, null);
            w.startFinishing();
            w.awaitFinished();
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aFailureBeforeFinishingIsThrownWhenAwaited() throws Exception {
        try (CompanionWriters w = CompanionWriters.open(dir.resolve(ArtifactSchema.FILE_NAME), META)) {
            w.write(null, prices("BBB"), null, null);
            w.write(null, prices("AAA"), null, null); // out of order: the companions' thread fails
            w.startFinishing();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, w::awaitFinished);
            assertTrue(e.getMessage().contains("out of order"), e.getMessage());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing placed, no temporary file left");
        }
    }

    private static TableRows prices(String ticker) {
        TableRows rows = TableRows.empty(CompanionSchemas.PRICES, ticker, 5);
        int[] dates = rows.dates(1);
        for (int i = 0; i < 5; i++) {
            dates[i] = 19_000 + i;
            rows.doubles(CompanionSchemas.PRICE_COLUMNS.get(3))[i] = 10 + i;
        }
        return rows;
    }
}
