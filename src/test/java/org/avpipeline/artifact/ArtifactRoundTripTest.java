package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value written comes back: enough rows for several pages per column chunk (a page ends after 20,000 rows,
 * checked between tickers), step functions (the
 * repeat shortcut of the dictionary writer), columns of all-distinct values (dictionary fallback), signed zeros,
 * missing values, several row groups.
 */
class ArtifactRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyValueComesBack() throws Exception {
        Random random = new Random(7);
        List<TickerPanel> panels = new ArrayList<>();
        int[] sizes = {15_000, 15_000, 15_000, 1, 3_000};
        for (int t = 0; t < sizes.length; t++) {
            panels.add(randomPanel("T" + t, sizes[t], random));
        }
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META,
                new ArtifactWriter.RowGroupLimits(40_000, 64L << 20))) {
            for (TickerPanel p : panels) {
                w.write(p);
            }
            assertEquals(48_001, w.commit().rows());
        }
        ArtifactReader reader = ArtifactReader.open(file);
        assertEquals(2, reader.rowGroupCount(), "T0+T1+T2 | T3+T4");
        List<List<Object>> rows = reader.read(RowQuery.all());
        int r = 0;
        for (TickerPanel p : panels) {
            for (int i = 0; i < p.rows(); i++, r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < ArtifactSchema.COLUMNS.size(); c++) {
                    String where = p.ticker() + " row " + i + " column " + ArtifactSchema.COLUMNS.get(c).name();
                    assertEquals(expected(p, c, i), row.get(c), where);
                }
            }
        }
        assertEquals(rows.size(), r);
    }

    private static Object expected(TickerPanel p, int c, int i) {
        return switch (ArtifactSchema.COLUMNS.get(c).type()) {
            case STRING -> p.ticker();
            case DATE -> p.dates(c)[i] == TickerPanel.NO_DATE ? null : LocalDate.ofEpochDay(p.dates(c)[i]);
            case DOUBLE -> Double.isNaN(p.doubles(c)[i]) ? null : p.doubles(c)[i];
            case BOOLEAN -> p.booleans(c)[i];
            case TIMESTAMP -> throw new AssertionError("the panel has no timestamp column");
        };
    }

    static TickerPanel randomPanel(String ticker, int n, Random random) {
        TickerPanel p = TickerPanel.empty(ticker, n);
        int day = 9_000 + random.nextInt(100);
        int[] dates = p.dates(ArtifactSchema.DATE);
        for (int i = 0; i < n; i++) {
            day += 1 + random.nextInt(3);
            dates[i] = day;
        }
        for (int c = 2; c < ArtifactSchema.COLUMNS.size(); c++) {
            switch (ArtifactSchema.COLUMNS.get(c).type()) {
                case DATE -> {
                    int[] a = p.dates(c);
                    int v = TickerPanel.NO_DATE;
                    for (int i = 0; i < n; i++) {
                        if (random.nextInt(60) == 0) {
                            v = random.nextInt(5) == 0 ? TickerPanel.NO_DATE : 8_000 + random.nextInt(10_000);
                        }
                        a[i] = v;
                    }
                }
                case DOUBLE -> {
                    double[] a = p.doubles(c);
                    int kind = c % 4;
                    double v = Double.NaN;
                    for (int i = 0; i < n; i++) {
                        if (kind == 0) {
                            a[i] = random.nextGaussian() * 1e6;
                        } else {
                            if (random.nextInt(kind == 1 ? 60 : 5) == 0) {
                                int pick = random.nextInt(8);
                                v = pick == 0 ? Double.NaN : pick == 1 ? 0.0 : pick == 2 ? -0.0
                                        : Math.round(random.nextGaussian() * 1000) / 100.0;
                            }
                            a[i] = v;
                        }
                    }
                }
                case BOOLEAN -> {
                    boolean[] a = p.booleans(c);
                    for (int i = 0; i < n; i++) {
                        a[i] = random.nextInt(3) == 0;
                    }
                }
                case STRING -> { }
            }
        }
        return p;
    }
}
