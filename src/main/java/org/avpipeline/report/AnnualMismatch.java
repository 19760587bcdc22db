package org.avpipeline.report;

import java.time.LocalDate;

/**
 * A fiscal year whose four served quarters do not add up to the annual report (pipeline.md §4.1), for one metric.
 *
 * @param fiscalYearEnd the fiscal date of the year's last quarter (normalized)
 * @param annual the annual report's value
 * @param sumOfQuarters the four quarters' sum
 */
public record AnnualMismatch(String ticker, LocalDate fiscalYearEnd, String metric, double annual,
        double sumOfQuarters) {
    /** {@code |sum - annual| / |annual|}, infinite for an annual 0: the order of "worst". */
    public double relativeDifference() {
        return Math.abs(sumOfQuarters - annual) / Math.abs(annual);
    }
}
