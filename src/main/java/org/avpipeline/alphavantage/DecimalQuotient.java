package org.avpipeline.alphavantage;

/**
 * The double nearest to {@code w / 10^s} (ties to even, as {@link Double#parseDouble} rounds) for integers too large
 * to be exact doubles: the 17-digit adjusted closes Alpha Vantage writes, which otherwise go through the JDK's
 * big-number path. A first estimate from two roundings is within a unit in the last place; it is then checked, and
 * moved by one, against the exact midpoints to its neighbours, compared in 128-bit integer arithmetic.
 *
 * <p>Kept, with {@link PlainFields#plainDecimal}, because it was measured alone (issue 22): with jackson-core's
 * FastDoubleParser in their place, {@code bench build --tickers 1000} through the launcher took 9 % more CPU (median
 * ratio of 4 alternated pairs, 0.99–1.15; docs/benchmarks.md), above the 5 % bar.
 */
final class DecimalQuotient {
    private DecimalQuotient() {}

    /** The largest scale handled: 5^22 and 10^22 are exact. */
    static final int MAX_SCALE = 22;

    private static final double[] POWERS_OF_TEN = new double[MAX_SCALE + 1];
    private static final long[] POWERS_OF_FIVE = new long[MAX_SCALE + 1];

    static {
        double ten = 1;
        long five = 1;
        for (int s = 0; s <= MAX_SCALE; s++) {
            POWERS_OF_TEN[s] = ten;
            POWERS_OF_FIVE[s] = five;
            ten *= 10;
            five *= 5;
        }
    }

    private static final long HIDDEN_BIT = 1L << 52;
    private static final long FRACTION_BITS = HIDDEN_BIT - 1;
    /** A comparison that 128 bits could not settle. */
    private static final int UNKNOWN = Integer.MIN_VALUE;

    /**
     * The correctly rounded {@code w / 10^s}, for {@code 0 < w < 2^63} and {@code 0 <= s <= MAX_SCALE}; NaN in the
     * rare case it cannot be settled here (the caller then asks {@link Double#parseDouble}).
     */
    static double of(long w, int s) {
        if (w <= 0 || s < 0 || s > MAX_SCALE) {
            throw new IllegalArgumentException("w=" + w + ", s=" + s);
        }
        double d = s == 0 ? (double) w : (double) w / POWERS_OF_TEN[s];
        if (s == 0) {
            return d; // one rounding: already the nearest
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            long bits = Double.doubleToRawLongBits(d);
            int exponent = (int) (bits >>> 52) & 0x7ff;
            if (exponent == 0 || exponent == 0x7ff) {
                return Double.NaN; // subnormal or not finite: not in this range
            }
            long m = (bits & FRACTION_BITS) | HIDDEN_BIT;
            int e = exponent - 1075; // d = m * 2^e
            int above = compare(w, s, 2 * m + 1, e - 1);
            if (above == UNKNOWN) {
                return Double.NaN;
            }
            if (above > 0 || above == 0 && (m & 1) == 1) {
                d = Math.nextUp(d);
                continue;
            }
            // the midpoint to the next lower double: half its gap, which is half as wide below a power of two
            int below = m == HIDDEN_BIT ? compare(w, s, 4 * m - 1, e - 2) : compare(w, s, 2 * m - 1, e - 1);
            if (below == UNKNOWN) {
                return Double.NaN;
            }
            if (below < 0 || below == 0 && (m & 1) == 1) {
                d = Math.nextDown(d);
                continue;
            }
            return d;
        }
        return Double.NaN;
    }

    /**
     * The sign of {@code w / 10^s - m * 2^k} ({@code m < 2^55}), from {@code w} against {@code m * 5^s * 2^(k+s)},
     * or {@link #UNKNOWN}.
     */
    static int compare(long w, int s, long m, int k) {
        long five = POWERS_OF_FIVE[s];
        long hi = Math.multiplyHigh(m, five); // m * 5^s < 2^107: exact in (hi, lo)
        long lo = m * five;
        int t = k + s;
        if (t >= 0) {
            if (hi != 0 || t >= 64 || t > 0 && (lo >>> (64 - t)) != 0) {
                return -1; // m * 5^s * 2^t >= 2^64 > w
            }
            return Integer.signum(Long.compareUnsigned(w, lo << t));
        }
        int u = -t;
        if (u > 64) {
            return UNKNOWN;
        }
        long whi = u == 64 ? w : w >>> (64 - u);
        long wlo = u == 64 ? 0 : w << u;
        int c = Long.compareUnsigned(whi, hi);
        return Integer.signum(c != 0 ? c : Long.compareUnsigned(wlo, lo));
    }
}
