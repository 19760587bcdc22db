package org.avpipeline.fetch;

import java.util.List;
import org.avpipeline.alphavantage.AvFunction;

/** One (ticker, data type) to fetch and what became of it. */
final class FetchItem {
    final String ticker;
    final AvFunction function;
    FetchProgress.Outcome outcome;
    TickerFailure failure;
    /** For a price item whose splits wait for the new prices: the days with a split coefficient other than 1. */
    boolean collectSplitDays;
    List<java.time.LocalDate> splitDays = List.of();

    FetchItem(String ticker, AvFunction function) {
        this.ticker = ticker;
        this.function = function;
    }

    void fail(String reason, String detail) {
        outcome = FetchProgress.Outcome.FAILED;
        failure = new TickerFailure(ticker, reason, detail);
    }
}
