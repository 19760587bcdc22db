package org.avpipeline.simulator;

import java.util.ArrayList;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.metrics.Metrics;

/**
 * The fields of each statement's reports after {@code fiscalDateEnding} and {@code reportedCurrency}, spelled and
 * ordered as Alpha Vantage answers them: the §10 lists, with the cash flow's {@code netIncome} under its own name
 * and Alpha Vantage's extra {@code stockBasedCompensation} before {@code changeInCashAndCashEquivalents}.
 */
final class StatementFields {
    private StatementFields() {}

    static final String STOCK_BASED_COMPENSATION = "stockBasedCompensation";

    static final List<String> INCOME = Metrics.INCOME_STATEMENT;
    static final List<String> BALANCE = Metrics.BALANCE_SHEET;
    static final List<String> CASH_FLOW = cashFlow();

    static List<String> of(AvFunction statement) {
        return switch (statement) {
            case INCOME_STATEMENT -> INCOME;
            case BALANCE_SHEET -> BALANCE;
            case CASH_FLOW -> CASH_FLOW;
            default -> throw new IllegalArgumentException("not a statement: " + statement);
        };
    }

    private static List<String> cashFlow() {
        List<String> fields = new ArrayList<>();
        for (String m : Metrics.CASH_FLOW) {
            if (m.equals("changeInCashAndCashEquivalents")) {
                fields.add(STOCK_BASED_COMPENSATION);
            }
            fields.add(m.equals(Metrics.CASH_FLOW_NET_INCOME) ? "netIncome" : m);
        }
        return List.copyOf(fields);
    }
}
