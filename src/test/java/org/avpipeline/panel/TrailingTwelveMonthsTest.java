package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class TrailingTwelveMonthsTest {

    @Test
    void sumsFourQuartersTheFirstThreeAreMissing() {
        for (CleaningMode mode : CleaningMode.values()) {
            assertArrayEquals(new double[] {NA, NA, NA, 10, 14, 18},
                    TrailingTwelveMonths.of(new double[] {1, 2, 3, 4, 5, 6}, mode));
        }
    }

    @Test
    void referenceModeCountsAMissingQuarterAsZero() {
        assertArrayEquals(new double[] {NA, NA, NA, 8, 12, 18, 15},
                TrailingTwelveMonths.of(new double[] {1, NA, 3, 4, 5, 6, NA}, CleaningMode.REFERENCE));
        assertArrayEquals(new double[] {NA, NA, NA, 0},
                TrailingTwelveMonths.of(new double[] {NA, NA, NA, NA}, CleaningMode.REFERENCE));
    }

    @Test
    void asServedModeHasNoTtmWhenAQuarterIsMissing() {
        assertArrayEquals(new double[] {NA, NA, NA, NA, NA, 18, NA},
                TrailingTwelveMonths.of(new double[] {1, NA, 3, 4, 5, 6, NA}, CleaningMode.AS_SERVED));
        assertArrayEquals(new double[] {NA, NA, NA, NA},
                TrailingTwelveMonths.of(new double[] {NA, NA, NA, NA}, CleaningMode.AS_SERVED));
        assertArrayEquals(TrailingTwelveMonths.of(new double[] {1, NA, 3, 4, 5}, CleaningMode.AS_SERVED),
                TrailingTwelveMonths.of(new double[] {1, NA, 3, 4, 5}), "as-served is the default");
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
        double[][] reference = TrailingTwelveMonths.ofFlows(rows, CleaningMode.REFERENCE);
        assertEquals(51, reference.length);
        assertEquals(4.0, reference[Metrics.FLOW.indexOf("netIncome.cf")][3]);
        assertEquals(0.0, reference[Metrics.FLOW.indexOf("ebit")][3], "a metric never served: 0 in reference mode");
        double[][] asServed = TrailingTwelveMonths.ofFlows(rows, CleaningMode.AS_SERVED);
        assertEquals(4.0, asServed[Metrics.FLOW.indexOf("netIncome.cf")][3]);
        assertEquals(NA, asServed[Metrics.FLOW.indexOf("ebit")][3], "a metric never served: no TTM as served");
    }
}
