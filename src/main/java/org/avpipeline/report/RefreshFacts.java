package org.avpipeline.report;

import java.util.List;
import java.util.Objects;

/**
 * What the fetch decided to fetch and keep, and why (the weekly refresh policy): how many answers each reason
 * covered, and each ticker's decisions.
 *
 * @param answersByReason (ticker, data type) answers by reason, fetched and kept, e.g. {@code "every run"},
 *     {@code "reported since fetched"}, {@code "unchanged"}
 * @param tickers one entry per ticker, in universe order
 */
public record RefreshFacts(List<ReasonCount> answersByReason, List<TickerRefreshFacts> tickers) {
    public RefreshFacts {
        answersByReason = answersByReason == null ? List.of() : List.copyOf(answersByReason);
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
    }

    /**
     * One ticker's decisions.
     *
     * @param ticker the ticker
     * @param fetched the data types fetched in this run
     * @param decision the decisions in a line, e.g. {@code "fetched TIME_SERIES_DAILY_ADJUSTED (every run); kept
     *     SPLITS, EARNINGS (unchanged: no report since 2024-04-01)"}
     */
    public record TickerRefreshFacts(String ticker, List<String> fetched, String decision) {
        public TickerRefreshFacts {
            Objects.requireNonNull(ticker, "ticker");
            fetched = fetched == null ? List.of() : List.copyOf(fetched);
            decision = decision == null ? "" : decision;
        }
    }
}
