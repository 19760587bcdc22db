package org.avpipeline.alphavantage;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A client's counters over its life: requests, retries, throttled answers, final failures by kind; thread-safe. */
final class ClientCounters {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<AnswerKind, AtomicLong> failures = new EnumMap<>(AnswerKind.class);

    ClientCounters() {
        for (AnswerKind k : AnswerKind.values()) {
            failures.put(k, new AtomicLong());
        }
    }

    void request() {
        requests.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void throttled() {
        throttled.incrementAndGet();
    }

    void failure(AnswerKind kind) {
        failures.get(kind).incrementAndGet();
    }

    /** The counters so far; failure kinds that never occurred are left out. */
    ClientStats stats() {
        Map<AnswerKind, Long> f = new EnumMap<>(AnswerKind.class);
        failures.forEach((k, v) -> {
            if (v.get() != 0) {
                f.put(k, v.get());
            }
        });
        return new ClientStats(requests.get(), retries.get(), throttled.get(), f);
    }
}
