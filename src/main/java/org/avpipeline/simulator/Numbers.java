package org.avpipeline.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting as Alpha Vantage writes numbers (always as strings; "None" when missing). */
final class Numbers {
    static final String NONE = "None";

    private Numbers() {}

    /** Python-style shortest repr without an exponent: 128.9, 215.0, 289.62962886152513. */
    static String plain(double x) {
        if (x == 1.0) {
            return "1.0";
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e7) {
            long scaled = Math.round(x * 10_000);
            if (Math.abs(scaled - x * 10_000) < 1e-7 * Math.max(1, a)) {
                return fourDecimals(scaled); // prices and amounts: exact, and much faster than Double.toString
            }
        }
        if (a == 0 || (a >= 1e-3 && a < 1e7)) {
            return Double.toString(x);
        }
        String s = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** {@code scaled / 10^4} written like Python's repr: "128.9", "215.0", "0.1236", "-3.05". */
    private static String fourDecimals(long scaled) {
        StringBuilder sb = new StringBuilder(16);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 10_000).append('.');
        long frac = scaled % 10_000;
        int digits = 4;
        while (digits > 1 && frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        String f = Long.toString(frac);
        for (int i = f.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }

    /** A fixed number of decimals: dividend amounts ("0.0000"), split factors ("2.0000"). */
    static String fixed(double x, int decimals) {
        if (x == 0 && decimals == 4) {
            return "0.0000";
        }
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Decimals as needed, at most {@code maxDecimals}, at least one: "0.0892", "0.001", "0.0". */
    static String trimmed(double x, int maxDecimals) {
        BigDecimal b = BigDecimal.valueOf(x).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.scale() <= 0) {
            return b.setScale(1).toPlainString();
        }
        return b.toPlainString();
    }

    /** A statement amount: a whole number of dollars, or "None" when missing. */
    static String amount(double x) {
        return Double.isNaN(x) ? NONE : Long.toString(Math.round(x));
    }

    /** A price rounded as exchanges quote it: cents at a dollar or more, four decimals below. */
    static double roundPrice(double x) {
        if (x >= 1) {
            return Math.round(x * 100) / 100.0;
        }
        return Math.max(1e-4, Math.round(x * 10_000) / 10_000.0);
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }
}
