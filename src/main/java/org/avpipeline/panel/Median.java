package org.avpipeline.panel;

/**
 * The median as R's {@code median(x)} computes it (without {@code na.rm}): NaN when any value is NaN or there are
 * none, the middle value for an odd count, the mean of the two middle values for an even count (IEEE arithmetic for
 * infinities: the mean of −∞ and +∞ is NaN, of +∞ and a number +∞).
 */
public final class Median {
    private Median() {}

    /**
     * The median of {@code values[0..count-1]}; reorders that part of the array. The middle values are found by
     * selection (an insertion sort for the short baselines of stage 1, quickselect otherwise), not by sorting; the
     * order is {@link Double#compare}'s, as {@code Arrays.sort}'s.
     */
    public static double ofFirst(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
        }
        int half = count / 2;
        if (count <= SHORT) {
            insertionSort(values, count);
        } else {
            select(values, 0, count - 1, half);
            if (count % 2 == 0) {
                int below = 0;
                for (int i = 1; i < half; i++) {
                    if (greater(values[i], values[below])) {
                        below = i;
                    }
                }
                return mean(values[below], values[half]);
            }
        }
        if (count % 2 == 1) {
            return values[half];
        }
        return mean(values[half - 1], values[half]);
    }

    /** Up to this many values are simply sorted. */
    private static final int SHORT = 16;

    private static void insertionSort(double[] a, int count) {
        for (int i = 1; i < count; i++) {
            double x = a[i];
            int j = i - 1;
            while (j >= 0 && greater(a[j], x)) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Puts the k-th smallest of {@code a[lo..hi]} at {@code a[k]}, smaller-or-equal ones before it (Hoare). */
    private static void select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (greater(pivot, a[i])) {
                    i++;
                }
                while (greater(a[j], pivot)) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static double medianOfThree(double x, double y, double z) {
        if (greater(x, y)) {
            double t = x;
            x = y;
            y = t;
        }
        if (greater(y, z)) {
            y = z;
        }
        return greater(x, y) ? x : y;
    }

    /** {@code Double.compare(a, b) > 0} for values that are not NaN, at the cost of one comparison in most cases. */
    private static boolean greater(double a, double b) {
        return a > b || (a == b && Double.doubleToRawLongBits(a) > Double.doubleToRawLongBits(b));
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
