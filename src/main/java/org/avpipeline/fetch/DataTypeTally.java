package org.avpipeline.fetch;

import java.util.List;
import org.avpipeline.alphavantage.AvFunction;

/**
 * What the fetch did for one data type (one Alpha Vantage function).
 *
 * @param function the data type
 * @param fetched answers fetched and stored in this run
 * @param skippedFresh answers already in the store and kept: younger than the maximum age, or unchanged by the refresh
 *     policy ({@link RefreshPolicy})
 * @param failures tickers that lack this data type, with the reason, in universe order
 */
public record DataTypeTally(AvFunction function, int fetched, int skippedFresh, List<TickerFailure> failures) {
    public DataTypeTally {
        failures = List.copyOf(failures);
    }

    public int failed() {
        return failures.size();
    }

    /** fetched + kept: the tickers that have this data type in the store. */
    public int available() {
        return fetched + skippedFresh;
    }
}
