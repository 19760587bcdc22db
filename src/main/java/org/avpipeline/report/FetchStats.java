package org.avpipeline.report;

import java.util.List;

/**
 * The fetch phase's requests.
 *
 * @param requests HTTP requests sent, retries included
 * @param retries requests that were retries of an earlier attempt
 * @param throttled answers classified as throttled (rate limit)
 * @param failuresByReason requests that finally failed (after retries), counted by classification, e.g.
 *     {@code "unknown symbol"}, {@code "malformed answer"}, {@code "HTTP 503"}, {@code "timeout"}
 * @param elapsedSeconds wall time of the fetch phase
 * @param achievedPerMinute requests per minute actually achieved ({@link #ratePerMinute})
 * @param planPerMinute the configured limit (the plan's rate, {@code --rate-limit})
 */
public record FetchStats(
        long requests,
        long retries,
        long throttled,
        List<ReasonCount> failuresByReason,
        double elapsedSeconds,
        double achievedPerMinute,
        double planPerMinute) {

    public FetchStats {
        failuresByReason = failuresByReason == null ? List.of() : List.copyOf(failuresByReason);
        requireFinite(elapsedSeconds, "elapsedSeconds");
        requireFinite(achievedPerMinute, "achievedPerMinute");
        requireFinite(planPerMinute, "planPerMinute");
        if (requests < 0 || retries < 0 || throttled < 0) {
            throw new IllegalArgumentException("negative fetch count");
        }
    }

    /** Fetch facts with the achieved rate computed from the requests and the elapsed time. */
    public static FetchStats of(long requests, long retries, long throttled, List<ReasonCount> failuresByReason,
            double elapsedSeconds, double planPerMinute) {
        return new FetchStats(requests, retries, throttled, failuresByReason, elapsedSeconds,
                ratePerMinute(requests, elapsedSeconds), planPerMinute);
    }

    /** Requests per minute; 0 when no time elapsed. */
    public static double ratePerMinute(long requests, double elapsedSeconds) {
        return elapsedSeconds > 0 ? requests * 60.0 / elapsedSeconds : 0;
    }

    /** The failed requests over all reasons. */
    public long failures() {
        return failuresByReason.stream().mapToLong(ReasonCount::count).sum();
    }

    private static void requireFinite(double v, String name) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0: " + v);
        }
    }
}
