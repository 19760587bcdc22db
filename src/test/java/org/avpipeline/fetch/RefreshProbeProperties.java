package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.avpipeline.alphavantage.AvFunction;

/** The income statement as a probe, whatever is stored and whatever the ages and calendars say. */
class RefreshProbeProperties {
    static final LocalDate STORED = LocalDate.of(2023, 12, 31);

    /** Only a balance sheet or cash flow due for a report ever waits, and only when the income statement is fetched. */
    @Property
    void onlyReportDrivenBalanceSheetsAndCashFlowsWaitAndOnlyForAFetchedIncomeStatement(
            @ForAll @IntRange(min = -1, max = 200) int a, @ForAll @IntRange(min = -1, max = 200) int b,
            @ForAll @IntRange(min = -1, max = 200) int c, @ForAll @IntRange(min = -1, max = 200) int d,
            @ForAll @IntRange(min = -1, max = 200) int e, @ForAll @IntRange(min = -1, max = 200) int f,
            @ForAll @IntRange(min = 0, max = 120) int lastReport, @ForAll @IntRange(min = 0, max = 200) int quarter,
            @ForAll @IntRange(min = -30, max = 60) int reportIn, @ForAll boolean listed, @ForAll boolean previous) {
        TickerRefresh t = new RefreshPolicy(RefreshPolicyProperties.WEEKLY).decide("AAA", AvFunction.PER_TICKER,
                RefreshPolicyProperties.stored(RefreshPolicyProperties.ages(a, b, c, d, e, f), lastReport, quarter),
                RefreshPolicyProperties.calendar(reportIn, listed, previous), RefreshPolicyProperties.NOW);
        List<AvFunction> waiting = RefreshPolicy.waitsForIncomeStatement(t);
        if (!waiting.isEmpty()) {
            assertTrue(t.decision(AvFunction.INCOME_STATEMENT).fetch(), t.summary());
        }
        for (AvFunction w : waiting) {
            assertTrue(w == AvFunction.BALANCE_SHEET || w == AvFunction.CASH_FLOW, w.name());
            RefreshReason r = t.decision(w).reason();
            assertTrue(r == RefreshReason.REPORTED || r == RefreshReason.QUARTER_MISSING
                    || r == RefreshReason.PREDICTED, r.name());
        }
    }

    /** A waiting answer is fetched exactly when the new income statement holds a quarter it lacks. */
    @Property
    void fetchedExactlyWhenTheIncomeStatementIsAQuarterAhead(@ForAll @IntRange(min = -200, max = 400) int ahead,
            @ForAll boolean balanceSheet) {
        AvFunction f = balanceSheet ? AvFunction.BALANCE_SHEET : AvFunction.CASH_FLOW;
        RefreshDecision waited = new RefreshDecision(f, RefreshReason.REPORTED, "reported 2024-05-04 (calendar)");
        RefreshDecision d = RefreshPolicy.afterIncomeStatement(waited, STORED.plusDays(ahead), STORED);
        if (ahead > RefreshPolicy.FISCAL_TOLERANCE_DAYS) {
            assertSame(waited, d);
        } else {
            assertEquals(RefreshReason.WAITING, d.reason());
            assertFalse(d.fetch());
            assertEquals(f, d.function());
            assertTrue(d.detail().endsWith(waited.describe()), d.detail());
        }
    }
}
