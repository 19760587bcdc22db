package org.avpipeline.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A per-key limit of N requests in any 60-second window (0 = unlimited). Refused requests do not count. */
final class SlidingWindowLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    SlidingWindowLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** Records a request of {@code key} and says whether it is within the limit. */
    boolean tryAcquire(String key) {
        if (perMinute <= 0) {
            return true;
        }
        Deque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            long now = nanoClock.getAsLong();
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                window.pollFirst();
            }
            if (window.size() >= perMinute) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }
}
