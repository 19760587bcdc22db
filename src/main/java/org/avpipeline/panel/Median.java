package org.avpipeline.panel;

import java.util.Arrays;

/**
 * The median as R's {@code median(x)} computes it (without {@code na.rm}): NaN when any value is NaN or there are
 * none, the middle value for an odd count, the mean of the two middle values for an even count (IEEE arithmetic for
 * infinities: the mean of −∞ and +∞ is NaN, of +∞ and a number +∞).
 */
public final class Median {
    private Median() {}

    /** The median of {@code values[0..count-1]}; sorts that part of the array in place. */
    public static double ofFirst(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
        }
        Arrays.sort(values, 0, count);
        int half = count / 2;
        if (count % 2 == 1) {
            return values[half];
        }
        return mean(values[half - 1], values[half]);
    }

    /** The median of a copy of the values. */
    public static double of(double... values) {
        return ofFirst(values.clone(), values.length);
    }

    /**
     * The mean of two doubles rounded once, as R's {@code mean} does with its extended-precision accumulator: also
     * correct when {@code a + b} overflows although the mean does not.
     */
    static double mean(double a, double b) {
        double sum = a + b;
        if (Double.isInfinite(sum) && Double.isFinite(a) && Double.isFinite(b)) {
            return a / 2 + b / 2;
        }
        return sum / 2;
    }
}
