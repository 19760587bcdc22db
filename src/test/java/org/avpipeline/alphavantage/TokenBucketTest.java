package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bucket on a fake clock: sleeping advances the clock, so rates are asserted by counting. */
class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Sleeper fakeSleep = d -> now.addAndGet(d.toNanos());

    private long grantsWithin(TokenBucket bucket, Duration interval) throws InterruptedException {
        long end = now.get() + interval.toNanos();
        long n = 0;
        while (true) {
            long wait = bucket.reserve();
            if (now.get() + wait >= end) {
                return n;
            }
            fakeSleep.sleep(Duration.ofNanos(wait));
            n++;
        }
    }

    @Test
    void grantsTheRatePerMinuteWithCapacityOne() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(600, 1, now::get, fakeSleep);
        long n = grantsWithin(bucket, Duration.ofMinutes(1));
        assertEquals(600, n, 1);
        assertEquals(Duration.ofMillis(100), bucket.interval());
    }

    @Test
    void ratesOfOtherPlans() throws InterruptedException {
        assertEquals(75, grantsWithin(new TokenBucket(75, 1, now::get, fakeSleep), Duration.ofMinutes(1)), 1);
        assertEquals(2 * 1200, grantsWithin(new TokenBucket(1200, 1, now::get, fakeSleep), Duration.ofMinutes(2)), 1);
    }

    @Test
    void concurrentCallersAreSpacedEvenly() {
        TokenBucket bucket = new TokenBucket(600, 1, now::get, fakeSleep);
        // ten callers at the same instant: the waits are 0, 100 ms, 200 ms, ...
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 100_000_000L, bucket.reserve());
        }
        assertEquals(10, bucket.granted());
    }

    @Test
    void idleTimeStoresAtMostCapacity() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(60, 5, now::get, fakeSleep);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.reserve(), "starts full: burst of the capacity");
        }
        assertTrue(bucket.reserve() > 0);
        now.addAndGet(Duration.ofHours(1).toNanos());
        int immediate = 0;
        while (bucket.reserve() == 0) {
            immediate++;
        }
        assertEquals(5, immediate, "an hour idle stores only the capacity");
    }

    @Test
    void pauseStopsEveryoneForThatLong() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(600, 1, now::get, fakeSleep);
        bucket.acquire();
        bucket.pauseFor(Duration.ofSeconds(10));
        long before = now.get();
        bucket.acquire();
        assertEquals(Duration.ofSeconds(10).toNanos(), now.get() - before);
        // and then the normal pace again
        long wait = bucket.reserve();
        assertEquals(100_000_000L, wait);
    }

    @Test
    void invalidRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get, fakeSleep));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(-5, 1, now::get, fakeSleep));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(10, 0, now::get, fakeSleep));
    }
}
