package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class DerivedMetricsTest {

    @Test
    void freeCashFlowNeedsBoth() {
        assertEquals(2.0, DerivedMetrics.fcf(3, 1));
        assertEquals(NA, DerivedMetrics.fcf(NA, 1));
        assertEquals(NA, DerivedMetrics.fcf(3, NA));
    }

    @Test
    void nopatAddsAmortizationBeyondDepreciationAfterTax() {
        assertEquals((10 + (3.0 - 1.0)) * (1 - 0.2375), DerivedMetrics.nopat(10, 3, 1));
        assertEquals(10 * (1 - 0.2375), DerivedMetrics.nopat(10, 1, 3), "the difference is at least 0");
        assertEquals((10 + 3.0) * (1 - 0.2375), DerivedMetrics.nopat(10, 3, NA), "c(missing) is 0");
        assertEquals(10 * (1 - 0.2375), DerivedMetrics.nopat(10, NA, 2));
        assertEquals(10 * (1 - 0.2375), DerivedMetrics.nopat(10, NA, NA));
        assertEquals(NA, DerivedMetrics.nopat(NA, 3, 1));
    }

    @Test
    void enterpriseValueIsMissingOnlyWithoutAdjustedClose() {
        assertEquals(100 + 20 + 0 - 5 - 0.0, DerivedMetrics.enterpriseValue(100, 20, NA, 5, NA));
        assertEquals(100.0 + 20 + 3 - 5 - 7, DerivedMetrics.enterpriseValue(100, 20, 3, 5, 7));
        assertEquals(100.0, DerivedMetrics.enterpriseValue(100, NA, NA, NA, NA));
        assertEquals(NA, DerivedMetrics.enterpriseValue(NA, 20, 3, 5, 7));
    }

    @Test
    void investedCapitalIsNeverMissing() {
        assertEquals(0.0, DerivedMetrics.investedCapital(NA, NA, NA));
        assertEquals(20.0 + 0 + 30, DerivedMetrics.investedCapital(20, NA, 30));
        assertEquals(6.0, DerivedMetrics.investedCapital(1, 2, 3));
    }

    @Test
    void fillsThePanelRowByRow() {
        TickerPanel p = TickerPanel.empty("T", 4);
        // [fix] EV is built from split_adjusted_close; adjusted_close (also dividend-adjusted) is not used
        p.doubles("split_adjusted_close")[0] = 100;
        p.doubles("split_adjusted_close")[1] = 100;
        p.doubles("split_adjusted_close")[3] = 100;
        Arrays.fill(p.doubles("adjusted_close"), 70);
        p.doubles(Metrics.SHARES)[2] = 10; // row 2: shares but no close: no EV (invested capital needs no price)
        // row 0: no shares yet; row 3: shares not > 0 (no per-share value can exist on either)
        p.doubles(Metrics.SHARES)[1] = 10;
        p.doubles(Metrics.SHARES)[3] = 0;
        p.doubles("totalRevenue_ttm_per_share")[1] = 1;
        p.doubles("totalAssets_per_share")[1] = 2;
        p.doubles("totalAssets_per_share")[2] = 2;
        p.doubles("operatingCashflow_ttm_per_share")[1] = 3;
        p.doubles("operatingCashflow_ttm_per_share")[2] = 3;
        p.doubles("capitalExpenditures_ttm_per_share")[1] = 1;
        p.doubles("ebit_ttm_per_share")[1] = 4;
        p.doubles("shortLongTermDebtTotal_per_share")[1] = 10;
        p.doubles("totalShareholderEquity_per_share")[1] = 20;
        p.doubles("cashAndShortTermInvestments_per_share")[1] = 5;

        DerivedMetrics.fill(p);

        assertArrayEquals(new boolean[] {false, true, false, false}, p.booleans("has_complete_financial_data"));
        assertArrayEquals(new double[] {NA, 2, NA, NA}, p.doubles("fcf_ttm_per_share"));
        assertArrayEquals(new double[] {NA, 4 * (1 - 0.2375), NA, NA}, p.doubles("nopat_ttm_per_share"));
        // [fix] EV and IC per share are missing where the carried shares are missing or not > 0
        assertArrayEquals(new double[] {NA, 105, NA, NA}, p.doubles("enterprise_value_per_share"));
        assertArrayEquals(new double[] {NA, 30, 0, NA}, p.doubles("invested_capital_per_share"));
    }
}
