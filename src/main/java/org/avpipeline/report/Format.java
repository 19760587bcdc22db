package org.avpipeline.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers, sizes, durations and times. */
final class Format {
    private Format() {}

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** 436871 → {@code 436,871}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 ticker}, {@code 2 tickers}. */
    static String counted(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** A number with the given decimals, thousands separated. */
    static String decimal(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** 187342905 → {@code 178.7 MiB}: the same units as the command-line summary and the notification. */
    static String bytes(long n) {
        return ByteSizes.human(n);
    }

    /** {@code 9 s}, {@code 12 min 45 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    static String utc(Instant t) {
        return t == null ? "\u2014" : UTC.format(t);
    }

    static String date(LocalDate d) {
        return d == null ? "\u2014" : d.toString();
    }

    /** A percentage of {@code part / whole}, {@code —} when whole is 0. */
    static String percent(double part, double whole) {
        return whole > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * part / whole) : "\u2014";
    }

    /** A coordinate in an SVG attribute. */
    static String px(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** A data type or statement as people say it. */
    static String dataType(org.avpipeline.alphavantage.AvFunction f) {
        if (f == null) {
            return "";
        }
        return switch (f) {
            case ETF_PROFILE -> "ETF profile";
            case TIME_SERIES_DAILY_ADJUSTED -> "Daily prices";
            case SPLITS -> "Splits";
            case EARNINGS -> "Earnings";
            case INCOME_STATEMENT -> "Income statement";
            case BALANCE_SHEET -> "Balance sheet";
            case CASH_FLOW -> "Cash flow";
            case OVERVIEW -> "Company overview";
            case EARNINGS_CALENDAR -> "Earnings calendar";
        };
    }
}
