package org.avpipeline.fetch;

import java.util.Locale;

/** The fetch summary as text for a terminal or a log: one row per data type, then every failure with its reason. */
public final class FetchSummaryTable {
    private FetchSummaryTable() {}

    public static String format(FetchSummary s) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append(String.format(Locale.ROOT, "Universe: %d tickers%s%n", s.universe().size(),
                s.universe().etf().map(e -> " (holdings of " + e + ")").orElse(" (explicit list)")));
        out.append(String.format(Locale.ROOT, "%-28s %8s %15s %7s%n", "data type", "fetched", "kept (stored)",
                "failed"));
        for (DataTypeTally t : s.dataTypes()) {
            out.append(String.format(Locale.ROOT, "%-28s %8d %15d %7d%n", t.function().name(), t.fetched(),
                    t.skippedFresh(), t.failed()));
        }
        out.append(String.format(Locale.ROOT, "%-28s %8d %15d %7d%n", "total", s.fetched(), s.skippedFresh(),
                s.failed()));
        out.append(String.format(Locale.ROOT, "Requests: %d (%d retries, %d throttled), %.1f per minute, %s%n",
                s.requests(), s.retries(), s.throttled(), s.achievedRatePerMinute(), elapsed(s)));
        if (!s.failuresByReason().isEmpty()) {
            out.append("Failures by reason: ").append(s.failuresByReason()).append(nl);
            for (DataTypeTally t : s.dataTypes()) {
                for (TickerFailure f : t.failures()) {
                    out.append("  ").append(t.function().name()).append(' ').append(f.ticker()).append(": ")
                            .append(f.detail()).append(nl);
                }
            }
        }
        return out.toString();
    }

    private static String elapsed(FetchSummary s) {
        long secs = s.elapsed().toSeconds();
        return String.format(Locale.ROOT, "%dm%02ds", secs / 60, secs % 60);
    }
}
