package org.avpipeline.alphavantage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One EARNINGS_CALENDAR row: a ticker's next report, and the fiscal quarter it reports ({@code null} when the row has
 * none).
 */
public record CalendarEntry(String symbol, LocalDate reportDate, LocalDate fiscalDateEnding) {
    public CalendarEntry {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(reportDate, "reportDate");
    }
}
