package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.bar;
import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class PerShareTest {

    @Test
    void dividesByPositiveShares() {
        assertEquals(5.0, PerShare.perShare(10, 2));
        assertEquals(-5.0, PerShare.perShare(-10, 2));
        assertEquals(NA, PerShare.perShare(10, 0));
        assertEquals(NA, PerShare.perShare(10, -2));
        assertEquals(NA, PerShare.perShare(10, NA));
        assertEquals(NA, PerShare.perShare(NA, 2));
    }

    @Test
    void fillsEveryPerShareColumnFromTheCarriedValues() {
        Quarters q = Quarters.preMarket();
        String[] fiscal = {"2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"};
        String[] reported = {"2023-05-01", "2023-08-01", "2023-11-01", "2024-02-01"};
        for (int i = 0; i < 4; i++) {
            q.add(fiscal[i], reported[i], Metrics.SHARES, 10, "totalAssets", 100 + i, "ebit", i + 1,
                    "netIncome.cf", 2);
        }
        q.add("2024-03-31", "2024-05-01", Metrics.SHARES, 0, "totalAssets", 500, "ebit", 9);
        List<org.avpipeline.alphavantage.DailyBar> bars = List.of(bar("2023-11-01", 1), bar("2024-02-01", 1),
                bar("2024-05-01", 1));

        DailyPanel.Result r = DailyPanel.build("T", bars, q.history(), List.of(), d("2023-01-01"));
        PerShare.fill(r.panel(), r.carried());

        TickerPanel p = r.panel();
        assertArrayEquals(new double[] {1, 1, NA}, p.doubles("commonStockSharesOutstanding_per_share"));
        assertArrayEquals(new double[] {10.2, 10.3, NA}, p.doubles("totalAssets_per_share"));
        assertArrayEquals(new double[] {0.3, 0.4, NA}, p.doubles("ebit_per_share"));
        assertArrayEquals(new double[] {NA, 1.0, NA}, p.doubles("ebit_ttm_per_share"));
        assertArrayEquals(new double[] {NA, 0.8, NA}, p.doubles("netIncome.cf_ttm_per_share"));
        // a metric no quarter has: missing, and so is its TTM (as served, the default)
        assertArrayEquals(new double[] {NA, NA, NA}, p.doubles("goodwill_per_share"));
        assertArrayEquals(new double[] {NA, NA, NA}, p.doubles("changeInExchangeRate_ttm_per_share"));
    }
}
