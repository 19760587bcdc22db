package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The adaptive rate (issue 10, case 7): halve on persistent throttling once per window, creep back, advise once. */
class AdaptiveRateTest {
    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(600, 1, now::get, d -> now.addAndGet(d.toNanos()));
    private final AdaptiveRate rate = new AdaptiveRate(600, bucket, now::get);

    @Test
    void throttlesAfterBackoffHalveTheRateOncePerWindow() {
        long a = rate.sending();
        long b = rate.sending();
        rate.throttledAfterBackoff(a);
        assertEquals(300, rate.currentPerMinute(), 1e-9);
        assertEquals(300, bucket.ratePerMinute(), 1e-6);
        rate.throttledAfterBackoff(b); // sent before the cut: the same window
        assertEquals(300, rate.currentPerMinute(), 1e-9);
        long c = rate.sending();
        rate.throttledAfterBackoff(c);
        assertEquals(300, rate.currentPerMinute(), 1e-9, "within 15 s of the last cut");
        now.addAndGet(AdaptiveRate.CUT_SPACING.toNanos());
        rate.throttledAfterBackoff(c);
        assertEquals(150, rate.currentPerMinute(), 1e-9);
        assertEquals(2, rate.cuts());
        assertEquals(150, rate.lowestPerMinute(), 1e-9);
    }

    @Test
    void acceptedAnswersCreepBackUpToTheConfiguredRate() {
        rate.throttledAfterBackoff(rate.sending());
        for (int i = 0; i < 10; i++) {
            rate.accepted();
        }
        assertEquals(360, rate.currentPerMinute(), 1e-9, "6 per answer: 1 % of 600");
        for (int i = 0; i < 100; i++) {
            rate.accepted();
        }
        assertEquals(600, rate.currentPerMinute(), 1e-9);
    }

    @Test
    void neverBelowTheFloor() {
        for (int i = 0; i < 20; i++) {
            now.addAndGet(AdaptiveRate.CUT_SPACING.toNanos());
            rate.throttledAfterBackoff(rate.sending());
        }
        assertEquals(600 / 16.0, rate.currentPerMinute(), 1e-9);
    }

    @Test
    void theAdviceSuggestsTheMeasuredRateOnce() {
        for (int i = 0; i < 75; i++) {
            rate.sending();
            rate.accepted();
        }
        now.addAndGet(30_000_000_000L); // half a minute: the measure is over one minute at least
        rate.throttledAfterBackoff(rate.sending());
        String advice = rate.advice().orElseThrow();
        assertTrue(advice.contains("--rate-limit 75"), advice);
        assertTrue(advice.contains("75.0/min"), advice);
        rate.throttledAfterBackoff(rate.sending());
        assertEquals(advice, rate.advice().orElseThrow(), "logged once: the advice of the first cut stays");
    }
}
