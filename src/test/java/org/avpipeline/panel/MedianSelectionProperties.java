package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Selection finds the same median as sorting, bit for bit, on every shape of input. */
class MedianSelectionProperties {
    private static double sortedMedian(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int half = s.length / 2;
        return s.length % 2 == 1 ? s[half] : Median.mean(s[half - 1], s[half]);
    }

    @Property(tries = 2000)
    void selectionAgreesWithSorting(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 50) int distinct) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] pool = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            int kind = r.nextInt(10);
            pool[i] = switch (kind) {
                case 0 -> Double.POSITIVE_INFINITY;
                case 1 -> Double.NEGATIVE_INFINITY;
                case 2 -> -0.0;
                case 3 -> 0.0;
                default -> r.nextGaussian() * Math.pow(10, r.nextInt(-3, 12));
            };
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = pool[r.nextInt(distinct)];
        }
        double expected = sortedMedian(a);
        double actual = Median.ofFirst(a.clone(), n);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> "median of " + Arrays.toString(a) + ": " + actual + ", sorting gives " + expected);
    }
}
