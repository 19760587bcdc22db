package org.avpipeline.artifact;

/**
 * {@code Arrays.fill} by doubling copies: one element set, then {@code System.arraycopy} of what is filled onto
 * what follows, doubling each time. The copies run at memory speed from the first call, while the JDK's loop runs
 * interpreted until it is compiled; a short build fills a few thousand panel columns before that happens.
 */
public final class ArrayFill {
    private ArrayFill() {}

    /** Below this many elements a plain loop is as fast. */
    private static final int LOOP = 16;

    /** Sets {@code a[from .. to-1]} to {@code v}. */
    public static void fill(double[] a, int from, int to, double v) {
        checkRange(a.length, from, to);
        int n = to - from;
        if (n <= LOOP) {
            for (int i = from; i < to; i++) {
                a[i] = v;
            }
            return;
        }
        a[from] = v;
        for (int filled = 1; filled < n; filled += filled) {
            System.arraycopy(a, from, a, from + filled, Math.min(filled, n - filled));
        }
    }

    /** Sets every element of {@code a} to {@code v}. */
    public static void fill(double[] a, double v) {
        fill(a, 0, a.length, v);
    }

    /** Sets every element of {@code a} to {@code v}. */
    public static void fill(int[] a, int v) {
        int n = a.length;
        if (n <= LOOP) {
            for (int i = 0; i < n; i++) {
                a[i] = v;
            }
            return;
        }
        a[0] = v;
        for (int filled = 1; filled < n; filled += filled) {
            System.arraycopy(a, 0, a, filled, Math.min(filled, n - filled));
        }
    }

    /** Sets every element of {@code a} to {@code v}. */
    public static void fill(boolean[] a, boolean v) {
        int n = a.length;
        if (n <= LOOP) {
            for (int i = 0; i < n; i++) {
                a[i] = v;
            }
            return;
        }
        a[0] = v;
        for (int filled = 1; filled < n; filled += filled) {
            System.arraycopy(a, 0, a, filled, Math.min(filled, n - filled));
        }
    }

    private static void checkRange(int length, int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " > to " + to);
        }
        if (from < 0 || to > length) {
            throw new ArrayIndexOutOfBoundsException("range " + from + ".." + to + " of an array of " + length);
        }
    }
}
