package org.avpipeline.alphavantage;

import java.time.LocalDate;

/**
 * One EARNINGS {@code quarterlyEarnings} row: which fiscal quarter, when it was reported ({@code null} when the
 * answer has none) and at what time of day ({@code null} in pre-2022 answers).
 */
public record EarningsReport(LocalDate fiscalDateEnding, LocalDate reportedDate, String reportTime, double reportedEPS) {
    /** Without the reported EPS (NaN). */
    public EarningsReport(LocalDate fiscalDateEnding, LocalDate reportedDate, String reportTime) {
        this(fiscalDateEnding, reportedDate, reportTime, Double.NaN);
    }
}
