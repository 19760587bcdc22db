package org.avpipeline.artifact;

/**
 * {@code Arrays.fill} by doubling copies: one element set, then {@code System.arraycopy} of what is filled onto
 * what follows, doubling each time. The copies run at memory speed from the first call, while the JDK's loop runs
 * interpreted until it is compiled; a short build fills a few thousand panel columns before that happens.
 */
public final class ArrayFill {
    private ArrayFill() {}

    /** Sets {@code a[from .. to-1]} to {@code v}. */
    public static void fill(double[] a, int from, int to, double v) {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " > to " + to);
        }
        if (from < 0 || to > a.length) {
            throw new ArrayIndexOutOfBoundsException("range " + from + ".." + to + " of an array of " + a.length);
        }
        if (from < to) {
            a[from] = v;
            spread(a, from, to - from);
        }
    }

    /** Sets every element of {@code a} to {@code v}. */
    public static void fill(double[] a, double v) {
        fill(a, 0, a.length, v);
    }

    /** Sets every element of {@code a} to {@code v}. */
    public static void fill(int[] a, int v) {
        if (a.length > 0) {
            a[0] = v;
            spread(a, 0, a.length);
        }
    }

    /** Sets every element of {@code a} to {@code v}. */
    public static void fill(boolean[] a, boolean v) {
        if (a.length > 0) {
            a[0] = v;
            spread(a, 0, a.length);
        }
    }

    /** Copies element {@code from} of an array over the {@code n - 1} after it, doubling the copied part each time. */
    private static void spread(Object array, int from, int n) {
        for (int filled = 1; filled < n; filled += filled) {
            System.arraycopy(array, from, array, from + filled, Math.min(filled, n - filled));
        }
    }
}
