package org.avpipeline.report;

import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * Anomalies repaired in one metric of one statement, over all tickers (pipeline.md §4).
 *
 * @param statement {@code INCOME_STATEMENT}, {@code BALANCE_SHEET} or {@code CASH_FLOW}
 * @param metric the metric as Alpha Vantage spells it ({@code netIncome.cf} for the cash-flow net income)
 * @param stage1 values flagged as temporary spikes and interpolated
 * @param stage2 values flagged as an end-of-series jump and carried forward
 */
public record MetricRepairs(AvFunction statement, String metric, int stage1, int stage2) {
    public MetricRepairs {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(metric, "metric");
        if (stage1 < 0 || stage2 < 0) {
            throw new IllegalArgumentException("negative repairs for " + metric);
        }
    }

    public int total() {
        return stage1 + stage2;
    }
}
