package org.avpipeline.alphavantage;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces requests at N per minute, shared by all threads. Each {@link #acquire()} reserves the next free permit under a
 * lock and then waits for it outside the lock, so concurrent callers are spaced evenly. Up to {@code capacity}
 * unused permits accumulate while idle (a capacity of 1 means strict pacing). {@link #pauseFor} stops every caller
 * for a while (a throttled answer pauses the whole client).
 */
public final class TokenBucket {
    private long intervalNanos;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    /** Permits available now; negative when callers have reserved permits not yet due (a debt paid in time). */
    private double permits;
    private long lastRefillNanos;
    private long granted;

    /**
     * @param permitsPerMinute the rate, > 0
     * @param capacity how many permits may be stored while idle, >= 1
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param sleeper how to wait
     */
    public TokenBucket(double permitsPerMinute, int capacity, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(permitsPerMinute > 0)) {
            throw new IllegalArgumentException("rate must be > 0 per minute: " + permitsPerMinute);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.intervalNanos = Math.max(1, Math.round(60e9 / permitsPerMinute));
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.lastRefillNanos = nanoClock.getAsLong();
        this.permits = capacity;
    }

    /** A strictly paced bucket on the system clock. */
    public static TokenBucket perMinute(int permitsPerMinute) {
        return new TokenBucket(permitsPerMinute, 1, System::nanoTime, Sleeper.SYSTEM);
    }

    /** Waits until a permit is free and takes it. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** Takes the next free permit and returns how long (ns) the caller must wait before using it. */
    public synchronized long reserve() {
        refill();
        permits -= 1;
        granted++;
        return permits >= 0 ? 0 : Math.round(-permits * intervalNanos);
    }

    /** No permit is granted before {@code duration} from now (later if callers already wait longer). */
    public synchronized void pauseFor(Duration duration) {
        refill();
        permits = Math.min(permits, 1.0 - (double) duration.toNanos() / intervalNanos);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        if (now > lastRefillNanos) {
            permits = Math.min(capacity, permits + (double) (now - lastRefillNanos) / intervalNanos);
            lastRefillNanos = now;
        }
    }

    /** How many permits have been granted so far. */
    public synchronized long granted() {
        return granted;
    }

    /** The spacing between permits at the current rate. */
    public synchronized Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Changes the rate from now on (the adaptive rate, {@link AdaptiveRate}); permits already reserved keep theirs. */
    public synchronized void setRate(double permitsPerMinute) {
        if (!(permitsPerMinute > 0)) {
            throw new IllegalArgumentException("rate must be > 0 per minute: " + permitsPerMinute);
        }
        refill();
        intervalNanos = Math.max(1, Math.round(60e9 / permitsPerMinute));
    }

    /** The current rate in permits per minute. */
    public synchronized double ratePerMinute() {
        return 60e9 / intervalNanos;
    }
}
