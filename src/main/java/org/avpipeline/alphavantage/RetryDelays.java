package org.avpipeline.alphavantage;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The waits between a request's attempts: backoff with jitter, or short waits to connect before any answer. */
record RetryDelays(Duration backoffBase, Duration maxDelay, DoubleSupplier jitter) {

    /** {@link AlphaVantageClient#UNREACHED_BACKOFF} × 2^(n-1), capped: the waits to connect before any answer. */
    Duration unreached(int n) {
        Duration d = AlphaVantageClient.UNREACHED_BACKOFF.multipliedBy(1L << Math.min(10, n - 1));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Exponential backoff with jitter: base × 2^(n-1), scaled by a random factor in [0.5, 1.0], capped. */
    Duration backoff(int n) {
        double factor = Math.pow(2, Math.max(0, n - 1)) * (0.5 + 0.5 * jitter.getAsDouble());
        long nanos = (long) Math.min(backoffBase.toNanos() * factor, (double) maxDelay.toNanos());
        return Duration.ofNanos(nanos);
    }
}
