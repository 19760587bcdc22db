package org.avpipeline.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@code avpipeline bench fetch} measured.
 *
 * @param tickers the tickers fetched (the ETF's unknown holding, when fetched through the ETF, not counted)
 * @param ratePerMinute the client's rate limit
 * @param calls HTTP requests sent, retries included
 * @param retries attempts after the first
 * @param failures (ticker, data type) pairs that failed for good
 * @param complete whether every ticker got all six data types
 * @param wall the fetch's wall time
 */
public record FetchBenchResult(int tickers, int ratePerMinute, long calls, long retries, int failures, boolean complete,
        Duration wall) {

    /** The target of the ratio wall ÷ ideal. */
    public static final double TARGET_RATIO = 1.10;

    public FetchBenchResult {
        if (ratePerMinute < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per minute: " + ratePerMinute);
        }
    }

    /** The fastest a fetch of this many calls can be at the rate: calls ÷ rate. */
    public Duration ideal() {
        return Duration.ofNanos(Math.round(calls * 60e9 / ratePerMinute));
    }

    /** Wall time ÷ ideal: 1.0 is a fetch exactly at the rate; NaN when nothing was called. */
    public double ratio() {
        long ideal = ideal().toNanos();
        return ideal == 0 ? Double.NaN : (double) wall.toNanos() / ideal;
    }

    public boolean meetsTarget() {
        return ratio() <= TARGET_RATIO;
    }

    /** The report lines. */
    public String format() {
        return String.format(Locale.ROOT, """
                Tickers             %d
                Rate limit          %d per minute
                Calls               %d (%d retries)
                Wall time           %.2f s
                Ideal (calls/rate)  %.2f s
                Wall / ideal        %.3f (target <= %.2f: %s)
                Failures            %d
                All six data types  %s
                """, tickers, ratePerMinute, calls, retries, seconds(wall), seconds(ideal()), ratio(), TARGET_RATIO,
                meetsTarget() ? "met" : "MISSED", failures, complete ? "yes, every ticker" : "NO");
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
