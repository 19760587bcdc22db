package org.avpipeline.alphavantage;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of a client, for the run summary: HTTP requests sent (every attempt), retries, throttled answers, and
 * requests that finally failed by kind.
 */
public record ClientStats(long requests, long retries, long throttled, Map<AnswerKind, Long> failures) {
    public ClientStats {
        failures = Map.copyOf(failures);
    }

    public long failureCount() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What happened between {@code before} and this snapshot. */
    public ClientStats minus(ClientStats before) {
        Map<AnswerKind, Long> diff = new EnumMap<>(AnswerKind.class);
        for (Map.Entry<AnswerKind, Long> e : failures.entrySet()) {
            long d = e.getValue() - before.failures.getOrDefault(e.getKey(), 0L);
            if (d != 0) {
                diff.put(e.getKey(), d);
            }
        }
        return new ClientStats(requests - before.requests, retries - before.retries, throttled - before.throttled,
                diff);
    }
}
