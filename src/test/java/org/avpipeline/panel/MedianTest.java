package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MedianTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void oddCountIsTheMiddleValue() {
        assertEquals(3.0, Median.of(5, 1, 3));
    }

    @Test
    void evenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Median.of(4, 1, 3, 2));
        assertEquals(0.5, Median.of(0, 1));
    }

    @Test
    void anyMissingValueOrNoValueGivesMissing() {
        assertEquals(Double.NaN, Median.of(1, Double.NaN, 3));
        assertEquals(Double.NaN, Median.of());
    }

    @Test
    void infinitiesFollowIeeeArithmetic() {
        assertEquals(INF, Median.of(1, INF));
        assertEquals(INF, Median.of(INF, INF, 1, INF));
        assertEquals(Double.NaN, Median.of(-INF, INF));
        assertEquals(-INF, Median.of(-INF, -INF, 5));
        assertEquals(3.0, Median.of(-INF, 3, INF));
    }

    @Test
    void theMeanOfTwoHugeValuesDoesNotOverflow() {
        // R's mean accumulates in extended precision: mean(c(1.7e308, 1.7e308)) is 1.7e308, not Inf
        assertEquals(1.7e308, Median.of(1.7e308, 1.7e308));
        assertEquals(1.6e308, Median.of(1.5e308, 1.7e308), 1e293);
    }

    @Test
    void sortsOnlyThePrefixItIsGiven() {
        double[] a = {9, 1, 5, -100};
        assertEquals(5.0, Median.ofFirst(a, 3));
        assertEquals(-100.0, a[3]);
    }
}
