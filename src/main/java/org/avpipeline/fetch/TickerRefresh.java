package org.avpipeline.fetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * What a run does with one ticker's data types: one {@link RefreshDecision} per data type, in fetch order.
 *
 * @param ticker the ticker
 * @param decisions one per data type
 */
public record TickerRefresh(String ticker, List<RefreshDecision> decisions) {
    public TickerRefresh {
        Objects.requireNonNull(ticker, "ticker");
        decisions = List.copyOf(decisions);
    }

    /** The data types to fetch, in fetch order. */
    public List<AvFunction> toFetch() {
        return decisions.stream().filter(RefreshDecision::fetch).map(RefreshDecision::function).toList();
    }

    /** The decision for one data type, or null when there is none. */
    public RefreshDecision decision(AvFunction f) {
        for (RefreshDecision d : decisions) {
            if (d.function() == f) {
                return d;
            }
        }
        return null;
    }

    /** The same ticker with one decision replaced. */
    public TickerRefresh with(RefreshDecision changed) {
        List<RefreshDecision> out = new ArrayList<>(decisions);
        out.replaceAll(d -> d.function() == changed.function() ? changed : d);
        return new TickerRefresh(ticker, out);
    }

    /**
     * The decisions in a line, data types with the same reason and detail together, e.g.
     * {@code "fetched TIME_SERIES_DAILY_ADJUSTED (every run); EARNINGS, INCOME_STATEMENT (reported since fetched: …);
     * kept SPLITS (unchanged)"}.
     */
    public String summary() {
        Map<String, List<String>> fetched = new LinkedHashMap<>();
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (RefreshDecision d : decisions) {
            (d.fetch() ? fetched : kept).computeIfAbsent(d.describe(), k -> new ArrayList<>()).add(d.function().name());
        }
        StringBuilder s = new StringBuilder();
        append(s, "fetched", fetched);
        append(s, "kept", kept);
        return s.toString();
    }

    private static void append(StringBuilder s, String verb, Map<String, List<String>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        if (s.length() > 0) {
            s.append("; ");
        }
        s.append(verb).append(' ');
        boolean first = true;
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            if (!first) {
                s.append("; ");
            }
            first = false;
            s.append(String.join(", ", g.getValue())).append(" (").append(g.getKey()).append(')');
        }
    }
}
