package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOUBLE columns' own page encoding: a dictionary where it pays (step functions), plain values where it does not
 * (prices, market caps), null counts in the statistics, and DuckDB reads every value back.
 */
class DoubleColumnEncodingTest {
    @TempDir
    Path dir;

    @Test
    void dictionaryForStepsPlainForDistinctValuesAndDuckDbReadsThemBack() throws Exception {
        Random random = new Random(3);
        int n = 45_000;
        TickerPanel p = TickerPanel.empty("AAA", n);
        int dates = ArtifactSchema.indexOf(ArtifactSchema.DATE);
        int close = ArtifactSchema.indexOf("market_cap");
        int step = ArtifactSchema.indexOf("totalRevenue_ttm_per_share");
        int sparse = ArtifactSchema.indexOf("goodwill_per_share");
        for (int i = 0; i < n; i++) {
            p.dates(dates)[i] = 10_000 + i;
            p.doubles(close)[i] = 1000 * random.nextDouble();
            p.doubles(step)[i] = i < 100 ? Double.NaN : (i / 63) * 0.25;
            p.doubles(sparse)[i] = i % 1000 < 700 ? Double.NaN : -0.0;
        }
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META)) {
            w.write(p);
            w.commit();
        }
        try (DuckDb db = new DuckDb()) {
            String meta = "from parquet_metadata(" + DuckDb.literal(file) + ") where path_in_schema = ";
            assertTrue(db.value("select string_agg(encodings, ',') " + meta + "'market_cap'").toString()
                    .contains("PLAIN") && !db.value("select string_agg(encodings, ',') " + meta + "'market_cap'")
                    .toString().contains("DICTIONARY"), "distinct values: plain");
            assertTrue(db.value("select string_agg(encodings, ',') " + meta + "'totalRevenue_ttm_per_share'")
                    .toString().contains("PLAIN_DICTIONARY"), "a step function: dictionary");
            assertEquals(100L, ((Number) db.value("select sum(stats_null_count) " + meta
                    + "'totalRevenue_ttm_per_share'")).longValue());
            List<List<Object>> rows = db.query("select market_cap, totalRevenue_ttm_per_share, goodwill_per_share "
                    + "from " + DuckDb.literal(file) + " order by date");
            assertEquals(n, rows.size());
            for (int i = 0; i < n; i++) {
                assertEquals(p.doubles(close)[i], (Double) rows.get(i).get(0), "row " + i);
                assertEquals(i < 100 ? null : (i / 63) * 0.25, rows.get(i).get(1), "row " + i);
                Object g = rows.get(i).get(2);
                if (i % 1000 < 700) {
                    assertEquals(null, g, "row " + i);
                } else {
                    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) g),
                            "the sign of zero survives, row " + i);
                }
            }
        }
        ArtifactReader reader = ArtifactReader.open(file);
        assertEquals(1, reader.rowGroupCount());
    }
}
