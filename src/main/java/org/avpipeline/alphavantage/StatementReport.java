package org.avpipeline.alphavantage;

import java.time.LocalDate;
import java.util.Map;

/**
 * One {@code quarterlyReports} row of INCOME_STATEMENT, BALANCE_SHEET or CASH_FLOW: every metric field as a double
 * (NaN when missing), in the answer's field order. The cash-flow statement's {@code netIncome} is already named
 * {@code netIncome.cf}.
 */
public record StatementReport(LocalDate fiscalDateEnding, String reportedCurrency, Map<String, Double> metrics) {
    public StatementReport {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** The value of a metric, NaN when the report lacks it or it is missing. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** The same report with another fiscal date (used when normalizing period ends). */
    public StatementReport withFiscalDateEnding(LocalDate date) {
        return new StatementReport(date, reportedCurrency, metrics);
    }
}
