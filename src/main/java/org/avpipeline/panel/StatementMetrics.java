package org.avpipeline.panel;

import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.metrics.Metrics;

/** The §10 metrics of each statement function, in order (pipeline.md §10): the build's and the annual check's. */
public final class StatementMetrics {
    private StatementMetrics() {}

    /** The §10 metrics of each statement, in order. */
    public static final Map<AvFunction, List<String>> OF_STATEMENT = Map.of(
            AvFunction.INCOME_STATEMENT, Metrics.INCOME_STATEMENT,
            AvFunction.BALANCE_SHEET, Metrics.BALANCE_SHEET,
            AvFunction.CASH_FLOW, Metrics.CASH_FLOW);
}
