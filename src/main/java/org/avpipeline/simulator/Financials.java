package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;

/**
 * One ticker's reported fundamentals, every list newest first as the answers order them, after the ticker's
 * scenarios have been applied.
 *
 * @param quarterly quarterlyReports per statement
 * @param annual annualReports per statement (the complete fiscal years, a seeded few restated), which the build
 *     reads only to check the quarters
 * @param annualEarnings (fiscal year end, EPS) pairs, the first possibly a partial year as in real answers
 */
record Financials(Map<AvFunction, List<StatementRow>> quarterly, Map<AvFunction, List<StatementRow>> annual,
        List<EarningsRow> quarterlyEarnings, List<AnnualEps> annualEarnings) {

    record AnnualEps(LocalDate fiscalDateEnding, double reportedEps) {}
}
