package org.avpipeline.report;

import java.util.List;
import java.util.Objects;

/**
 * How many tickers have complete financial data, month by month.
 *
 * @param rule how a month is judged; {@link #RULE} when computed by {@link CoverageCounter}
 * @param totalTickers tickers in the artifact
 * @param months every month from the artifact's first to its last, ascending, without gaps
 */
public record Coverage(String rule, int totalTickers, List<MonthCoverage> months) {
    /**
     * A ticker counts as complete in a month when {@code has_complete_financial_data} is true on its last artifact
     * row of that month: the state at the month's end, which is what a month-end rebalance would see.
     */
    public static final String RULE = "last_row_of_month";

    /** The rule in words, as the report prints it. */
    public static final String RULE_TEXT = "A ticker counts in a month when has_complete_financial_data is true on "
            + "its last row of that month (the state a month-end rebalance sees).";

    public Coverage {
        Objects.requireNonNull(rule, "rule");
        months = months == null ? List.of() : List.copyOf(months);
        if (totalTickers < 0) {
            throw new IllegalArgumentException("negative totalTickers");
        }
    }

    public static Coverage empty() {
        return new Coverage(RULE, 0, List.of());
    }
}
