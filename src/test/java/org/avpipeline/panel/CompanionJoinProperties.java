package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * The companion invariant (artifact.md) on arbitrary messy tickers, with a naive as-of join written here: for each
 * price row, the available quarters in (available_date, fiscalDateEnding) order up to that day, each column carried
 * forward; the panel's quarter dates, shares and per-share columns must be exactly the joined values. Price columns
 * are compared where the bar has a value (the panel carries a missing price forward, §8.4; the price file keeps the
 * bar as given).
 */
class CompanionJoinProperties {
    private static final BuildParameters PARAMS = BuildParameters.of(Generated.START);

    @Property(tries = 300)
    void theAsOfJoinOfTheCompanionRowsIsThePanel(@ForAll long seed) {
        TickerResult result = TickerBuild.build(Generated.messy(seed), PARAMS);
        TickerPanel panel = result.panel();
        TableRows prices = result.companions().prices();
        if (panel == null) {
            assertEquals(null, prices, "no panel rows, no price rows");
            return;
        }
        assertArrayEquals(panel.dates(ArtifactSchema.DATE), prices.dates(ArtifactSchema.DATE));
        for (String c : List.of("open", "high", "low", "adjusted_close", "volume", "dividend_amount",
                "split_coefficient")) {
            double[] raw = prices.doubles(c);
            double[] shown = panel.doubles(c);
            for (int r = 0; r < raw.length; r++) {
                if (!Double.isNaN(raw[r])) {
                    assertEquals(raw[r], shown[r], c + " row " + r);
                }
            }
        }

        TableRows q = result.companions().quarters();
        List<String> columns = new ArrayList<>();
        columns.add(Metrics.SHARES);
        columns.addAll(CompanionSchemas.QUARTERLY_METRICS);
        List<Integer> order = new ArrayList<>();
        int[] available = q == null ? new int[0] : q.dates(CompanionSchemas.AVAILABLE_DATE);
        int[] fiscal = q == null ? new int[0] : q.dates(ArtifactSchema.FISCAL_DATE_ENDING);
        for (int i = 0; i < available.length; i++) {
            if (available[i] != TickerPanel.NO_DATE) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(i -> available[i]).thenComparingInt(i -> fiscal[i]));

        double[] state = new double[columns.size()];
        Arrays.fill(state, Double.NaN);
        int latest = -1;
        int next = 0;
        int[] days = prices.dates(ArtifactSchema.DATE);
        for (int r = 0; r < days.length; r++) {
            while (next < order.size() && available[order.get(next)] <= days[r]) {
                int i = order.get(next++);
                for (int c = 0; c < state.length; c++) {
                    double v = q.doubles(columns.get(c))[i];
                    if (!Double.isNaN(v)) {
                        state[c] = v;
                    }
                }
                latest = i;
            }
            assertEquals(latest < 0 ? TickerPanel.NO_DATE : fiscal[latest],
                    panel.dates(ArtifactSchema.FISCAL_DATE_ENDING)[r], "fiscalDateEnding row " + r);
            assertEquals(latest < 0 ? TickerPanel.NO_DATE : q.dates(ArtifactSchema.REPORTED_DATE)[latest],
                    panel.dates(ArtifactSchema.REPORTED_DATE)[r], "reportedDate row " + r);
            assertEquals(latest < 0 ? TickerPanel.NO_DATE : q.dates(ArtifactSchema.CALENDAR_QUARTER_ENDING)[latest],
                    panel.dates(ArtifactSchema.CALENDAR_QUARTER_ENDING)[r], "calendar_quarter_ending row " + r);
            assertEquals(state[0], panel.doubles(Metrics.SHARES)[r], "shares row " + r);
            for (int c = 0; c < state.length; c++) {
                double expected = PerShare.perShare(state[c], state[0]);
                double actual = panel.doubles(Metrics.perShare(columns.get(c)))[r];
                assertTrue(Double.compare(expected, actual) == 0,
                        columns.get(c) + " per share, row " + r + ": " + expected + " vs " + actual);
            }
        }
    }
}
