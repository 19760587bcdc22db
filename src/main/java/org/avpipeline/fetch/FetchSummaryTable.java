package org.avpipeline.fetch;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AvFunction;

/**
 * The fetch summary as text for a terminal or a log: one row per data type (unknown symbols, Alpha Vantage's answer
 * that it has no such symbol, apart from the failures), then every ticker without a data type, with the reason.
 */
public final class FetchSummaryTable {
    private FetchSummaryTable() {}

    public static String format(FetchSummary s) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append(String.format(Locale.ROOT, "Universe: %d tickers%s%n", s.universe().size(),
                s.universe().etf().map(e -> " (holdings of " + e + ")").orElse(" (explicit list)")));
        out.append(String.format(Locale.ROOT, "%-28s %8s %15s %8s %7s%n", "data type", "fetched", "kept (stored)",
                "unknown", "failed"));
        int unknownTotal = 0;
        for (DataTypeTally t : s.dataTypes()) {
            int unknown = unknownSymbols(t);
            unknownTotal += unknown;
            out.append(String.format(Locale.ROOT, "%-28s %8d %15d %8d %7d%n", t.function().name(), t.fetched(),
                    t.skippedFresh(), unknown, t.failed() - unknown));
        }
        out.append(String.format(Locale.ROOT, "%-28s %8d %15d %8d %7d%n", "total", s.fetched(), s.skippedFresh(),
                unknownTotal, s.failed() - unknownTotal));
        out.append(String.format(Locale.ROOT, "Requests: %d (%d retries, %d throttled), %.1f per minute, %s%n",
                s.requests(), s.retries(), s.throttled(), s.achievedRatePerMinute(), elapsed(s)));
        Set<String> unknownTickers = new LinkedHashSet<>();
        Map<String, Long> failedByReason = new TreeMap<>();
        s.failuresByReason().forEach((reason, n) -> {
            if (!AnswerKind.aboutTheSymbol(reason)) {
                failedByReason.put(reason, n);
            }
        });
        for (DataTypeTally t : s.dataTypes()) {
            t.failures().stream().filter(f -> AnswerKind.aboutTheSymbol(f.reason()))
                    .forEach(f -> unknownTickers.add(f.ticker()));
        }
        if (!unknownTickers.isEmpty()) {
            out.append("Unknown symbols (Alpha Vantage's answer, not failures): ")
                    .append(String.join(", ", unknownTickers)).append(nl);
        }
        if (!failedByReason.isEmpty()) {
            out.append("Failures by reason: ").append(failedByReason.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(nl);
        }
        for (DataTypeTally t : s.dataTypes()) {
            for (TickerFailure f : t.failures()) {
                out.append("  ").append(t.function().request(f.ticker())).append(": ").append(f.detail()).append(nl);
            }
        }
        return out.toString();
    }

    private static int unknownSymbols(DataTypeTally t) {
        return (int) t.failures().stream().filter(f -> AnswerKind.aboutTheSymbol(f.reason())).count();
    }

    private static String elapsed(FetchSummary s) {
        long secs = s.elapsed().toSeconds();
        return String.format(Locale.ROOT, "%dm%02ds", secs / 60, secs % 60);
    }
}
