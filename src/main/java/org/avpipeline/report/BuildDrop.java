package org.avpipeline.report;

import java.util.List;
import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * The tickers one build step dropped.
 *
 * @param step the step
 * @param statement for {@link BuildStep#TOO_LITTLE_HISTORY}, the statement the tickers left
 *     ({@code INCOME_STATEMENT}, {@code BALANCE_SHEET}, {@code CASH_FLOW}, or {@code EARNINGS}); else {@code null}
 * @param tickers the dropped tickers, each with its reason (e.g. {@code "7 quarters"}, {@code "no cash flow"})
 */
public record BuildDrop(BuildStep step, AvFunction statement, List<TickerReason> tickers) {
    public BuildDrop {
        Objects.requireNonNull(step, "step");
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
    }

    public static BuildDrop of(BuildStep step, List<TickerReason> tickers) {
        return new BuildDrop(step, null, tickers);
    }
}
