package org.avpipeline.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts of one fetch, collected while it ran: the summary table, the run manifest, the HTML report and the
 * notification all print these numbers.
 *
 * @param universe the tickers (and the ETF they came from, if any)
 * @param dataTypes one tally per data type, in fetch order (ETF_PROFILE first when the universe came from an ETF)
 * @param requests HTTP requests sent (every attempt)
 * @param retries attempts after the first
 * @param throttled answers that were rate-limit messages
 * @param failuresByReason failed (ticker, data type) pairs by reason code
 * @param achievedRatePerMinute requests per minute over the whole fetch
 * @param startedAt when the fetch began (UTC)
 * @param elapsed how long it took
 * @param refresh what the run decided to fetch for each ticker and why ({@link RefreshPolicy}), in universe order
 */
public record FetchSummary(Universe universe, List<DataTypeTally> dataTypes, long requests, long retries,
        long throttled, Map<String, Long> failuresByReason, double achievedRatePerMinute, Instant startedAt,
        Duration elapsed, List<TickerRefresh> refresh) {
    public FetchSummary {
        dataTypes = List.copyOf(dataTypes);
        failuresByReason = Map.copyOf(failuresByReason);
        refresh = refresh == null ? List.of() : List.copyOf(refresh);
    }

    /** Without refresh decisions. */
    public FetchSummary(Universe universe, List<DataTypeTally> dataTypes, long requests, long retries,
            long throttled, Map<String, Long> failuresByReason, double achievedRatePerMinute, Instant startedAt,
            Duration elapsed) {
        this(universe, dataTypes, requests, retries, throttled, failuresByReason, achievedRatePerMinute, startedAt,
                elapsed, List.of());
    }

    /** How many answers each refresh reason covers (fetched and kept), in reason order. */
    public Map<RefreshReason, Integer> answersByRefreshReason() {
        Map<RefreshReason, Integer> out = new java.util.EnumMap<>(RefreshReason.class);
        for (TickerRefresh t : refresh) {
            for (RefreshDecision d : t.decisions()) {
                out.merge(d.reason(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Counts failures by reason over the tallies. */
    static Map<String, Long> failuresByReason(List<DataTypeTally> tallies) {
        Map<String, Long> byReason = new TreeMap<>();
        for (DataTypeTally t : tallies) {
            for (TickerFailure f : t.failures()) {
                byReason.merge(f.reason(), 1L, Long::sum);
            }
        }
        return byReason;
    }

    public int fetched() {
        return dataTypes.stream().mapToInt(DataTypeTally::fetched).sum();
    }

    public int skippedFresh() {
        return dataTypes.stream().mapToInt(DataTypeTally::skippedFresh).sum();
    }

    public int failed() {
        return dataTypes.stream().mapToInt(DataTypeTally::failed).sum();
    }

    /** Tickers that lack at least one data type, in universe order. */
    public Set<String> tickersWithFailures() {
        Set<String> lacking = new LinkedHashSet<>();
        for (String t : universe.tickers()) {
            for (DataTypeTally tally : dataTypes) {
                if (tally.failures().stream().anyMatch(f -> f.ticker().equals(t))) {
                    lacking.add(t);
                }
            }
        }
        return lacking;
    }
}
