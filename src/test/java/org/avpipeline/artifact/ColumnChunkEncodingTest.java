package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.parquet.ColumnChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The non-DOUBLE columns' own encoding ({@link ColumnChunk}, {@code PlainValues}): dates with missing values and
 * booleans across page boundaries (pages of {@link ColumnChunk#PAGE_ROWS}), the ticker over several tickers, with
 * statistics, all read back by DuckDB.
 */
class ColumnChunkEncodingTest {
    @TempDir
    Path dir;

    @Test
    void datesBooleansAndTickersReadBackAcrossPagesAndRowGroups() throws Exception {
        int n = 2 * ColumnChunk.PAGE_ROWS + 4_321;
        int date = ArtifactSchema.indexOf(ArtifactSchema.DATE);
        int reported = ArtifactSchema.indexOf(ArtifactSchema.REPORTED_DATE);
        int complete = ArtifactSchema.indexOf(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        List<String> tickers = List.of("AAA", "BBB", "CCC");
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META,
                new ArtifactWriter.RowGroupLimits(60_000, 64L << 20))) {
            for (String t : tickers) {
                TickerPanel p = TickerPanel.empty(t, n);
                for (int i = 0; i < n; i++) {
                    p.dates(date)[i] = 5_000 + i;
                    p.dates(reported)[i] = i % 7 == 3 ? TickerPanel.NO_DATE : 5_000 + i / 63 * 63;
                    p.booleans(complete)[i] = i % 3 == 0 || (i / 1000) % 2 == 1;
                }
                w.write(p);
            }
            ArtifactStats stats = w.commit();
            assertTrue(stats.rowGroups() >= 2, "several row groups: " + stats.rowGroups());
        }
        try (DuckDb db = new DuckDb()) {
            String f = DuckDb.literal(file);
            List<List<Object>> rows = db.query("select ticker, date, " + ArtifactSchema.REPORTED_DATE + ", "
                    + ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA + " from " + f + " order by ticker, date");
            assertEquals(3 * n, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                int i = r % n;
                List<Object> row = rows.get(r);
                assertEquals(tickers.get(r / n), row.get(0), "row " + r);
                assertEquals(LocalDate.ofEpochDay(5_000 + i), toLocalDate(row.get(1)), "row " + r);
                assertEquals(i % 7 == 3 ? null : LocalDate.ofEpochDay(5_000 + i / 63 * 63), toLocalDate(row.get(2)),
                        "row " + r);
                assertEquals(i % 3 == 0 || (i / 1000) % 2 == 1, row.get(3), "row " + r);
            }
            String meta = "from parquet_metadata(" + f + ") where path_in_schema = ";
            long missing = 0;
            for (int i = 0; i < n; i++) {
                missing += i % 7 == 3 ? 1 : 0;
            }
            assertEquals(3 * missing, ((Number) db.value("select sum(stats_null_count) " + meta + "'"
                    + ArtifactSchema.REPORTED_DATE + "'")).longValue(), "the missing dates counted in the statistics");
            assertEquals("AAA", db.value("select min(stats_min_value) " + meta + "'ticker'").toString());
            assertEquals("CCC", db.value("select max(stats_max_value) " + meta + "'ticker'").toString());
        }
    }

    private static LocalDate toLocalDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
