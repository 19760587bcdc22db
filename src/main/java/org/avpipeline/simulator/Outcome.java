package org.avpipeline.simulator;

/** How the simulator answered one request (counted in {@link SimulatorStats}). */
public enum Outcome {
    /** The data answer. */
    DATA,
    /** A symbol the market does not know: {@code {}} or an "Invalid API call" error. */
    UNKNOWN_SYMBOL,
    /** No symbol given: an "Invalid API call" error. */
    INVALID_CALL,
    /** A function name the API does not have. */
    UNKNOWN_FUNCTION,
    /** A missing key or the {@code bad-key} fault. */
    BAD_KEY,
    /** Over the per-minute rate limit of the key. */
    THROTTLED,
    /** The {@code premium} fault on TIME_SERIES_DAILY_ADJUSTED. */
    PREMIUM,
    /** The {@code 5xx} fault: HTTP 503. */
    SERVER_ERROR,
    /** The {@code slow} fault: the right answer, late. */
    SLOW,
    /** The {@code malformed} fault. */
    MALFORMED,
    /** The {@code truncated} fault. */
    TRUNCATED
}
