package org.avpipeline.report;

import java.util.List;
import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * The fetch of one data type for the whole universe.
 *
 * @param dataType one of {@link AvFunction#PER_TICKER}
 * @param fetched tickers whose answer was fetched in this run
 * @param skippedFresh tickers whose stored answer was kept (fresh, or unchanged by the refresh policy), so nothing
 *     was requested
 * @param failed tickers whose fetch failed after retries (they have no data of this type)
 * @param failures the failed tickers with their reasons
 */
public record DataTypeFetch(AvFunction dataType, int fetched, int skippedFresh, int failed,
        List<TickerReason> failures) {
    public DataTypeFetch {
        Objects.requireNonNull(dataType, "dataType");
        failures = failures == null ? List.of() : List.copyOf(failures);
        if (fetched < 0 || skippedFresh < 0 || failed < 0) {
            throw new IllegalArgumentException("negative count for " + dataType);
        }
    }

    /** Of {@link #failed}, the tickers Alpha Vantage answered it has no such symbol (answers, not failures). */
    public int unknownSymbols() {
        return (int) failures.stream().filter(TickerReason::unknownSymbol).count();
    }

    /** Of {@link #failed}, the requests that failed (unknown symbols aside). */
    public int failedRequests() {
        return failed - unknownSymbols();
    }

    /** Tickers this data type was about: fetched + skipped + failed. */
    public int tickers() {
        return fetched + skippedFresh + failed;
    }
}
