package org.avpipeline.report;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One month of the coverage chart.
 *
 * @param month the calendar month ({@code "YYYY-MM"} in JSON)
 * @param tickersPresent tickers with at least one artifact row in the month
 * @param tickersComplete tickers with complete financial data in the month ({@link Coverage#RULE})
 */
public record MonthCoverage(YearMonth month, int tickersPresent, int tickersComplete) {
    public MonthCoverage {
        Objects.requireNonNull(month, "month");
        if (tickersComplete < 0 || tickersPresent < tickersComplete) {
            throw new IllegalArgumentException("need 0 <= complete <= present in " + month);
        }
    }
}
