package org.avpipeline.panel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;

/**
 * The checks of pipeline.md §4.1 for one ticker's continuous run, in both modes: they change nothing, they are
 * published (the quarterly companion's {@code annual_check} and {@code balance_gap}, and the run report).
 *
 * @param annualCheck per row, {@link AnnualCheck.Result#values()}
 * @param balanceGap per row, {@link BalanceGap#of(QuarterlyRows)}
 * @param fiscalYears every checked fiscal year per statement
 */
public record QuarterChecks(String[] annualCheck, double[] balanceGap, List<AnnualCheck.FiscalYear> fiscalYears) {
    public QuarterChecks {
        if (annualCheck.length != balanceGap.length) {
            throw new IllegalArgumentException("inconsistent checks");
        }
        fiscalYears = List.copyOf(fiscalYears);
    }

    /**
     * @param run the continuous run as the panel receives it
     * @param annual per statement its annual reports as served (in answer order; their dates are normalized here,
     *     §3.0, and a repeated date keeps its first report)
     */
    public static QuarterChecks of(QuarterlyRows run, Map<AvFunction, List<StatementReport>> annual) {
        Map<AvFunction, List<StatementReport>> normalized = new EnumMap<>(AvFunction.class);
        for (AvFunction statement : AnnualCheck.STATEMENTS) {
            normalized.put(statement, FiscalDates.statements(annual.getOrDefault(statement, List.of())));
        }
        AnnualCheck.Result years = AnnualCheck.of(run, normalized);
        return new QuarterChecks(years.values(), BalanceGap.of(run), years.years());
    }

    /** The checks of a run without annual reports: only the balance gap. */
    public static QuarterChecks withoutAnnualReports(QuarterlyRows run) {
        return of(run, Map.of());
    }
}
