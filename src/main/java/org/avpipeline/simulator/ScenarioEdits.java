package org.avpipeline.simulator;

import static org.avpipeline.alphavantage.AvFunction.BALANCE_SHEET;
import static org.avpipeline.alphavantage.AvFunction.CASH_FLOW;
import static org.avpipeline.alphavantage.AvFunction.INCOME_STATEMENT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;

/**
 * Applies a ticker's {@link Scenario}s to its modelled reports (lists oldest first, edited in place). Positions are
 * counted in quarters from the start ({@code k}) or from the end ({@code n - k}) of each list; edits that need a
 * longer history than the ticker has are skipped.
 */
final class ScenarioEdits {
    private ScenarioEdits() {}

    static void apply(TickerTraits t, Map<AvFunction, List<StatementRow>> quarterly, List<EarningsRow> earnings) {
        valueEdits(t, quarterly);
        rowEdits(t, quarterly, earnings);
        earningsEdits(t, earnings);
    }

    /** Spikes, end jumps, runs of zeros and "None" columns: values changed in place. */
    private static void valueEdits(TickerTraits t, Map<AvFunction, List<StatementRow>> quarterly) {
        List<StatementRow> income = quarterly.get(INCOME_STATEMENT);
        List<StatementRow> balance = quarterly.get(BALANCE_SHEET);
        List<StatementRow> cash = quarterly.get(CASH_FLOW);
        if (t.has(Scenario.SPIKE)) {
            scale(income, INCOME_STATEMENT, "totalRevenue", income.size() - 20, 20);
            scale(balance, BALANCE_SHEET, "totalAssets", balance.size() - 25, 20);
            scale(cash, CASH_FLOW, "operatingCashflow", cash.size() - 15, 20);
        }
        if (t.has(Scenario.END_JUMP) && income.size() >= 12) {
            scale(income, INCOME_STATEMENT, "operatingExpenses", income.size() - 1, 12);
            scale(balance, BALANCE_SHEET, "totalLiabilities", balance.size() - 1, 0.1);
        }
        if (t.has(Scenario.ZERO_RUNS) && income.size() >= 20) {
            int middle = income.size() / 2;
            for (int k = middle - 4; k < middle + 4; k++) {
                set(income, INCOME_STATEMENT, "researchAndDevelopment", k, 0);
            }
            for (int k = 0; k < 12; k++) {
                set(cash, CASH_FLOW, "dividendPayout", k, 0);
                set(cash, CASH_FLOW, "dividendPayoutCommonStock", k, 0);
            }
        }
        if (t.has(Scenario.NONE_COLUMNS)) {
            for (AvFunction f : AvFunction.STATEMENTS) {
                for (String field : List.of(noneColumns(f))) {
                    List<StatementRow> rows = quarterly.get(f);
                    for (int k = 0; k < rows.size(); k++) {
                        set(rows, f, field, k, Double.NaN);
                    }
                }
            }
        }
    }

    /** An empty row, a missing quarter, a duplicated quarter (with its duplicated earnings row). */
    private static void rowEdits(TickerTraits t, Map<AvFunction, List<StatementRow>> quarterly,
            List<EarningsRow> earnings) {
        List<StatementRow> income = quarterly.get(INCOME_STATEMENT);
        List<StatementRow> balance = quarterly.get(BALANCE_SHEET);
        List<StatementRow> cash = quarterly.get(CASH_FLOW);
        if (t.has(Scenario.EMPTY_ROW) && cash.size() >= 20) {
            double[] none = new double[StatementFields.CASH_FLOW.size()];
            Arrays.fill(none, Double.NaN);
            cash.set(3, new StatementRow(cash.get(3).fiscalDateEnding(), none));
        }
        if (t.has(Scenario.MISSING_QUARTER) && balance.size() >= 20) {
            balance.remove(5);
        }
        if (t.has(Scenario.DUPLICATE_ROWS) && income.size() >= 20) {
            int k = income.size() - 8;
            StatementRow right = income.get(k);
            double[] wrong = right.values().clone();
            for (int j = 0; j < wrong.length; j++) {
                wrong[j] *= 1.1;
            }
            income.add(k, new StatementRow(right.fiscalDateEnding(), wrong)); // oldest first: shown after the right one
            int e = earnings.size() - 8;
            EarningsRow good = earnings.get(e);
            earnings.add(e, new EarningsRow(good.fiscalDateEnding(), good.reportedDate(),
                    good.reportedEps() + 0.5, good.estimatedEps(), good.reportTime()));
        }
    }

    /** Earnings rows without a report date, and missing earnings rows. */
    private static void earningsEdits(TickerTraits t, List<EarningsRow> earnings) {
        if (t.has(Scenario.EARNINGS_WITHOUT_DATE) && earnings.size() >= 30) {
            for (int e : new int[] {earnings.size() - 6, earnings.size() - 25}) {
                EarningsRow row = earnings.get(e);
                earnings.set(e, new EarningsRow(row.fiscalDateEnding(), null, row.reportedEps(), row.estimatedEps(),
                        row.reportTime()));
            }
        }
        if (t.has(Scenario.MISSING_EARNINGS_ROWS) && earnings.size() >= 35) {
            for (int e : new int[] {earnings.size() - 3, earnings.size() - 20, earnings.size() - 30}) {
                earnings.remove(e);
            }
        }
    }

    /** The columns that are entirely "None" in the {@link Scenario#NONE_COLUMNS} scenario. */
    static String[] noneColumns(AvFunction f) {
        return switch (f) {
            case INCOME_STATEMENT -> new String[] {"researchAndDevelopment", "depreciation", "investmentIncomeNet"};
            case BALANCE_SHEET -> new String[] {"inventory", "goodwill", "intangibleAssetsExcludingGoodwill"};
            case CASH_FLOW -> new String[] {"changeInInventory", "paymentsForRepurchaseOfCommonStock",
                    "proceedsFromIssuanceOfCommonStock"};
            default -> new String[0];
        };
    }

    private static void scale(List<StatementRow> rows, AvFunction f, String field, int k, double factor) {
        if (k >= 10 && k < rows.size()) {
            int j = StatementFields.of(f).indexOf(field);
            rows.set(k, rows.get(k).with(j, rows.get(k).values()[j] * factor));
        }
    }

    private static void set(List<StatementRow> rows, AvFunction f, String field, int k, double value) {
        if (k >= 0 && k < rows.size()) {
            rows.set(k, rows.get(k).with(StatementFields.of(f).indexOf(field), value));
        }
    }
}
