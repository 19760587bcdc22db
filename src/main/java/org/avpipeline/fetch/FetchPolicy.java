package org.avpipeline.fetch;

import java.time.Duration;
import java.util.Objects;
import org.avpipeline.config.FetchSettings;
import org.avpipeline.config.Settings;

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
    public static final Duration DEFAULT_MAX_AGE = Settings.DEFAULT_MAX_AGE;
    /** A stored OVERVIEW younger than this is not fetched again: company descriptions rarely change (artifact.md). */
    public static final Duration OVERVIEW_MAX_AGE = Duration.ofDays(30);
    public static final Duration DEFAULT_MAX_STATEMENT_AGE = Settings.DEFAULT_MAX_STATEMENT_AGE;

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

    /** The threads for a rate ({@link Settings#defaultConcurrency}, the one rule). */
    public static int defaultConcurrency(int ratePerMinute) {
        return Settings.defaultConcurrency(ratePerMinute);
    }

    /** The policy the resolved fetch settings ask for. */
    public static FetchPolicy of(FetchSettings settings) {
        return new FetchPolicy(settings.maxAge(), settings.refresh(), settings.concurrency(),
                settings.maxStatementAge());
    }

    public static FetchPolicy defaults(int ratePerMinute) {
        return new FetchPolicy(DEFAULT_MAX_AGE, false, defaultConcurrency(ratePerMinute));
    }
}
