package org.avpipeline.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a fetch treats what is already stored and how many requests it keeps in flight.
 *
 * @param maxAge a stored answer younger than this is not fetched again (default 6 days)
 * @param refresh fetch everything regardless of age
 * @param concurrency threads doing requests at once
 * @param maxStatementAge earnings, statements and splits older than this are fetched again even when nothing says
 *     they changed (restatements); see {@link RefreshPolicy} (default 90 days)
 */
public record FetchPolicy(Duration maxAge, boolean refresh, int concurrency, Duration maxStatementAge) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(6);
    /** A stored OVERVIEW younger than this is not fetched again: company descriptions rarely change (artifact.md). */
    public static final Duration OVERVIEW_MAX_AGE = Duration.ofDays(30);
    public static final Duration DEFAULT_MAX_STATEMENT_AGE = Duration.ofDays(90);

    public FetchPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxStatementAge, "maxStatementAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max age must not be negative: " + maxAge);
        }
        if (maxStatementAge.isNegative()) {
            throw new IllegalArgumentException("max statement age must not be negative: " + maxStatementAge);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        }
    }

    /** How old a stored answer of {@code function} may be: {@link #OVERVIEW_MAX_AGE} for OVERVIEW, else maxAge. */
    public Duration maxAgeOf(org.avpipeline.alphavantage.AvFunction function) {
        return function == org.avpipeline.alphavantage.AvFunction.OVERVIEW ? OVERVIEW_MAX_AGE : maxAge;
    }

    /** With the default statement age (90 days). */
    public FetchPolicy(Duration maxAge, boolean refresh, int concurrency) {
        this(maxAge, refresh, concurrency, DEFAULT_MAX_STATEMENT_AGE);
    }

    /**
     * Enough threads that network latency does not eat the rate budget: the rate per second times a slow answer's
     * latency (8 s, a full daily series), at least 4 and at most 32.
     */
    public static int defaultConcurrency(int ratePerMinute) {
        return (int) Math.max(4, Math.min(32, Math.ceil(ratePerMinute * 8 / 60.0)));
    }

    public static FetchPolicy defaults(int ratePerMinute) {
        return new FetchPolicy(DEFAULT_MAX_AGE, false, defaultConcurrency(ratePerMinute));
    }
}
