package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarterly companion's versions of one quarter follow each other by valid_from (pipeline.md §8a). */
class QuarterVersionsOrderTest {
    @TempDir
    Path dir;

    static final ArtifactMetadata META = new ArtifactMetadata("9.9.9", "run-1", "QQQ", LocalDate.of(2020, 1, 1),
            Instant.parse("2026-05-18T06:00:00Z"));

    private static TableRows rows(int... validFrom) {
        TableRows r = TableRows.empty(CompanionSchemas.QUARTERLY, "AAPL", validFrom.length);
        for (int i = 0; i < validFrom.length; i++) {
            r.dates(ArtifactSchema.FISCAL_DATE_ENDING)[i] = (int) LocalDate.of(2024, 9, 30).toEpochDay();
            r.dates(CompanionSchemas.VALID_FROM)[i] = validFrom[i];
        }
        return r;
    }

    @Test
    void aQuarterMayRepeatWithALaterValidFromOnly() throws Exception {
        int day = (int) LocalDate.of(2025, 2, 3).toEpochDay();
        try (TableWriter w = TableWriter.open(CompanionSchemas.QUARTERLY, dir.resolve("q.parquet"), META)) {
            w.write(rows(TickerPanel.NO_DATE, day));
            w.commit();
        }
        assertEquals(2, ArtifactReader.open(dir.resolve("q.parquet")).read(RowQuery.all()).size());
        try (TableWriter w = TableWriter.open(CompanionSchemas.QUARTERLY, dir.resolve("r.parquet"), META)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(rows(day, day)));
        }
    }
}
