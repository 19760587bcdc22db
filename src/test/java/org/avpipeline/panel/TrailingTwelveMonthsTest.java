package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrailingTwelveMonthsTest {

    @Test
    void sumsFourQuartersTheFirstThreeAreMissing() {
        assertArrayEquals(new double[] {NA, NA, NA, 10, 14, 18},
                TrailingTwelveMonths.of(new double[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void aMissingQuarterCountsAsZero() {
        assertArrayEquals(new double[] {NA, NA, NA, 8, 12, 18, 15},
                TrailingTwelveMonths.of(new double[] {1, NA, 3, 4, 5, 6, NA}));
        assertArrayEquals(new double[] {NA, NA, NA, 0}, TrailingTwelveMonths.of(new double[] {NA, NA, NA, NA}));
    }

    @Test
    void shortRunsHaveNoTtm() {
        assertArrayEquals(new double[] {NA, NA}, TrailingTwelveMonths.of(new double[] {1, 2}));
        assertEquals(0, TrailingTwelveMonths.of(new double[0]).length);
    }

    @Test
    void everyFlowMetricGetsATtmInFlowOrder() {
        double[][] metrics = QuarterlyRows.emptyColumns(4);
        metrics[Metrics.ALL.indexOf("netIncome.cf")] = new double[] {1, 1, 1, 1};
        metrics[Metrics.ALL.indexOf("totalAssets")] = new double[] {5, 5, 5, 5};
        QuarterlyRows rows = new QuarterlyRows(new int[4], new int[4], metrics);
        double[][] ttm = TrailingTwelveMonths.ofFlows(rows);
        assertEquals(51, ttm.length);
        assertEquals(4.0, ttm[Metrics.FLOW.indexOf("netIncome.cf")][3]);
        assertEquals(0.0, ttm[Metrics.FLOW.indexOf("ebit")][3]);
    }
}
