package org.avpipeline.cloud;

import java.util.List;
import java.util.Objects;

/**
 * The run's counts, as the success notification reports them.
 *
 * @param universeTickers tickers in the ETF's universe
 * @param fetchedTickers tickers whose data was fetched (or already fresh in the raw store)
 * @param failedTickers tickers that failed, fetch or build
 * @param artifactTickers tickers with rows in the artifact
 * @param failures the failed tickers with their reasons, in a stable order
 * @param rows rows in the artifact
 * @param columns columns in the artifact
 * @param artifactSizeBytes the artifact file's size
 */
public record RunSummary(int universeTickers, int fetchedTickers, int failedTickers, int artifactTickers,
        List<FailedTicker> failures, long rows, int columns, long artifactSizeBytes) {

    public RunSummary {
        failures = List.copyOf(failures);
    }

    /** One ticker that failed and why (the reason is a short message; it never contains the key). */
    public record FailedTicker(String ticker, String reason) {
        public FailedTicker {
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
