package org.avpipeline.fetch;

import static org.avpipeline.alphavantage.AvFunction.BALANCE_SHEET;
import static org.avpipeline.alphavantage.AvFunction.CASH_FLOW;
import static org.avpipeline.alphavantage.AvFunction.EARNINGS;
import static org.avpipeline.alphavantage.AvFunction.INCOME_STATEMENT;
import static org.avpipeline.alphavantage.AvFunction.TIME_SERIES_DAILY_ADJUSTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CalendarEntry;
import org.junit.jupiter.api.Test;

/**
 * The income statement as a probe: a balance sheet and cash flow fetched for a report wait for the new income
 * statement, and are fetched in the same run only when it holds a quarter they lack.
 */
class RefreshProbeTest {
    static final LocalDate STORED_QUARTER = LocalDate.of(2023, 12, 31);
    static final LocalDate REPORTED_QUARTER = LocalDate.of(2024, 3, 31);

    static TickerRefresh reportedSinceLastRun() {
        return RefreshPolicyTest.decide(RefreshPolicyTest.storedOn(RefreshPolicyTest.LAST_RUN),
                RefreshPolicyTest.calendar(new CalendarEntry("AAA", RefreshPolicyTest.TODAY.minusDays(2),
                        REPORTED_QUARTER)));
    }

    @Test
    void aReportedTickersBalanceSheetAndCashFlowWaitForTheIncomeStatement() {
        TickerRefresh t = reportedSinceLastRun();
        assertEquals(RefreshReason.REPORTED, t.decision(INCOME_STATEMENT).reason());
        assertEquals(List.of(BALANCE_SHEET, CASH_FLOW), RefreshPolicy.waitsForIncomeStatement(t));
    }

    @Test
    void statementsStillLackingARecentQuarterWaitForTheIncomeStatementToo() {
        StoredTicker stored = RefreshPolicyTest.storedOn(RefreshPolicyTest.LAST_RUN);
        // fetched after the report, before Alpha Vantage added the quarter
        TickerRefresh t = RefreshPolicyTest.decide(stored, RefreshPolicyTest.calendar(new CalendarEntry("AAA",
                RefreshPolicyTest.LAST_RUN.minusDays(3), REPORTED_QUARTER)));
        assertEquals(RefreshReason.QUARTER_MISSING, t.decision(INCOME_STATEMENT).reason());
        assertEquals(List.of(BALANCE_SHEET, CASH_FLOW), RefreshPolicy.waitsForIncomeStatement(t));
    }

    @Test
    void nothingWaitsWhenTheIncomeStatementIsNotFetched() {
        TickerRefresh t = reportedSinceLastRun().with(new RefreshDecision(INCOME_STATEMENT, RefreshReason.FRESH, ""));
        assertEquals(List.of(), RefreshPolicy.waitsForIncomeStatement(t));
        assertTrue(t.toFetch().contains(BALANCE_SHEET));
    }

    @Test
    void theStatementAgeRefreshAndAMissingAnswerNeverWait() {
        for (RefreshReason r : List.of(RefreshReason.STATEMENT_AGE, RefreshReason.REFRESH, RefreshReason.NOT_STORED)) {
            TickerRefresh t = reportedSinceLastRun().with(new RefreshDecision(BALANCE_SHEET, r, ""))
                    .with(new RefreshDecision(CASH_FLOW, r, ""));
            assertEquals(List.of(), RefreshPolicy.waitsForIncomeStatement(t), r.name());
        }
    }

    @Test
    void theIncomeStatementHoldingTheQuarterFetchesTheWaitingStatements() {
        RefreshDecision waited = reportedSinceLastRun().decision(BALANCE_SHEET);
        RefreshDecision d = RefreshPolicy.afterIncomeStatement(waited, REPORTED_QUARTER, STORED_QUARTER);
        assertSame(waited, d);
        assertTrue(d.fetch());
    }

    @Test
    void theIncomeStatementWithoutTheQuarterLeavesThemForTheNextRun() {
        RefreshDecision waited = reportedSinceLastRun().decision(CASH_FLOW);
        RefreshDecision d = RefreshPolicy.afterIncomeStatement(waited, STORED_QUARTER, STORED_QUARTER);
        assertEquals(RefreshReason.WAITING, d.reason());
        assertFalse(d.fetch());
        assertEquals(CASH_FLOW, d.function());
        assertTrue(d.detail().startsWith("the reported quarter is not in the income statement yet (its newest "
                + "quarter 2023-12-31)"), d.detail());
        assertTrue(d.detail().contains("reported since fetched"), d.detail());
    }

    @Test
    void aStoredAnswerStillLackingAQuarterTheIncomeStatementAlreadyHoldsIsFetched() {
        // e.g. last run's balance sheet fetch failed: its stored answer is a quarter behind the income statement
        RefreshDecision waited = new RefreshDecision(BALANCE_SHEET, RefreshReason.QUARTER_MISSING, "");
        assertTrue(RefreshPolicy.afterIncomeStatement(waited, REPORTED_QUARTER, STORED_QUARTER).fetch());
    }

    @Test
    void aFailedIncomeStatementOrNothingUsableStoredFetchesThemAnyway() {
        RefreshDecision waited = reportedSinceLastRun().decision(BALANCE_SHEET);
        assertSame(waited, RefreshPolicy.afterIncomeStatement(waited, null, STORED_QUARTER));
        assertSame(waited, RefreshPolicy.afterIncomeStatement(waited, REPORTED_QUARTER, null));
    }

    @Test
    void aFiscalDateWithinTheToleranceIsTheSameQuarter() {
        RefreshDecision waited = reportedSinceLastRun().decision(BALANCE_SHEET);
        // a 52/53-week year: the income statement's quarter ends a few days after the stored balance sheet's
        assertFalse(RefreshPolicy.afterIncomeStatement(waited, STORED_QUARTER.plusDays(6), STORED_QUARTER).fetch());
        assertTrue(RefreshPolicy.afterIncomeStatement(waited, STORED_QUARTER.plusDays(60), STORED_QUARTER).fetch());
    }

    @Test
    void earningsAndPricesAreFetchedInTheFirstRoundAsBefore() {
        TickerRefresh t = reportedSinceLastRun();
        List<AvFunction> first = t.toFetch().stream()
                .filter(f -> !RefreshPolicy.waitsForIncomeStatement(t).contains(f)).toList();
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED, EARNINGS, INCOME_STATEMENT), first);
    }

    @Test
    void theWaitingDecisionIsInTheTickersSummary() {
        TickerRefresh t = reportedSinceLastRun();
        t = t.with(RefreshPolicy.afterIncomeStatement(t.decision(BALANCE_SHEET), STORED_QUARTER, STORED_QUARTER));
        String kept = t.summary().substring(t.summary().indexOf("kept "));
        assertTrue(kept.contains("BALANCE_SHEET (waiting for the reported quarter: the reported quarter "
                + "is not in the income statement yet"), t.summary());
        assertFalse(t.toFetch().contains(BALANCE_SHEET));
    }
}
