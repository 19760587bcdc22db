package org.avpipeline.alphavantage;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request rate adapted to what Alpha Vantage accepts, like TCP's congestion window: a throttle answer that
 * persists after the client's backoff (a retry answered "throttled" again) halves the rate, at most once per window
 * of requests sent before the last cut and once per {@link #CUT_SPACING} (a plan's limit is per minute: a burst keeps
 * its minute throttled however slow the requests after it are), never below 1/16 of the configured rate (and
 * {@link #FLOOR_PER_MINUTE}); every answer that is not a throttle
 * raises it by 1 % of the configured rate (at least one request a minute), up to the configured rate. The first cut is logged once, with the measured rate
 * of accepted answers and the {@code --rate-limit} that would suit the plan. Thread-safe.
 */
public final class AdaptiveRate {
    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveRate.class);

    /** The lowest rate it goes down to, per minute. */
    public static final double FLOOR_PER_MINUTE = 1;
    /** The least time between two cuts. */
    public static final java.time.Duration CUT_SPACING = java.time.Duration.ofSeconds(15);

    private final double configured;
    private final TokenBucket bucket;
    private final LongSupplier nanoClock;
    private final long startNanos;

    private double current;
    private long sent;
    private long cutAtSent = -1;
    private long lastCutNanos;
    private long accepted;
    private int cuts;
    private double lowest;
    private String advice;

    public AdaptiveRate(double configuredPerMinute, TokenBucket bucket, LongSupplier nanoClock) {
        this.configured = configuredPerMinute;
        this.current = configuredPerMinute;
        this.lowest = configuredPerMinute;
        this.bucket = bucket;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** A request is being sent; returns its sequence number for {@link #throttled}. */
    public synchronized long sending() {
        return ++sent;
    }

    /** An answer that is not a throttle came: the rate creeps back up. */
    public synchronized void accepted() {
        accepted++;
        if (current < configured) {
            current = Math.min(configured, current + Math.max(1, configured / 100));
            bucket.setRate(current);
        }
    }

    /**
     * Request {@code sequence} was answered "throttled" after at least one backoff: halves the rate unless a cut was
     * already made after that request was sent.
     */
    public synchronized void throttledAfterBackoff(long sequence) {
        long nowNanos = nanoClock.getAsLong();
        if (sequence <= cutAtSent || (cuts > 0 && nowNanos - lastCutNanos < CUT_SPACING.toNanos())) {
            return;
        }
        cutAtSent = sent;
        lastCutNanos = nowNanos;
        double before = current;
        current = Math.max(Math.max(FLOOR_PER_MINUTE, configured / 16), current / 2);
        lowest = Math.min(lowest, current);
        bucket.setRate(current);
        cuts++;
        if (cuts == 1) {
            double measured = measuredPerMinute();
            long suggested = Math.max(1, (long) Math.floor(Math.min(measured, before)));
            advice = String.format(Locale.ROOT, "Alpha Vantage kept throttling at %.0f requests/min: the rate is "
                    + "lowered for the rest of the run (now %.0f/min, creeping back up); accepted answers came at "
                    + "%.1f/min. Set --rate-limit %d (AV_RATE_LIMIT_PER_MIN) to match the plan.", configured,
                    current, measured, suggested);
            LOG.warn(advice);
        }
    }

    /**
     * Accepted answers per minute since the client was made, over at least one minute (a plan's limit is per
     * minute: what a burst shorter than that got accepted is the most the plan allows).
     */
    public synchronized double measuredPerMinute() {
        double minutes = Math.max(1.0, (nanoClock.getAsLong() - startNanos) / 60e9);
        return accepted / minutes;
    }

    /** The advice logged at the first cut; empty when the rate was never lowered. */
    public synchronized Optional<String> advice() {
        return Optional.ofNullable(advice);
    }

    public synchronized double currentPerMinute() {
        return current;
    }

    public synchronized double lowestPerMinute() {
        return lowest;
    }

    public synchronized int cuts() {
        return cuts;
    }
}
