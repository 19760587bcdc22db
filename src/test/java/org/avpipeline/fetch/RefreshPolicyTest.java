package org.avpipeline.fetch;

import static org.avpipeline.alphavantage.AvFunction.BALANCE_SHEET;
import static org.avpipeline.alphavantage.AvFunction.CASH_FLOW;
import static org.avpipeline.alphavantage.AvFunction.EARNINGS;
import static org.avpipeline.alphavantage.AvFunction.INCOME_STATEMENT;
import static org.avpipeline.alphavantage.AvFunction.SPLITS;
import static org.avpipeline.alphavantage.AvFunction.TIME_SERIES_DAILY_ADJUSTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CalendarEntry;
import org.avpipeline.alphavantage.EarningsReport;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
    static final LocalDate TODAY = LocalDate.of(2024, 5, 6);
    static final Instant NOW = TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC);
    static final LocalDate LAST_RUN = TODAY.minusWeeks(1);
    static final RefreshPolicy POLICY = new RefreshPolicy(new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, false, 4));

    /** Everything fetched on {@code day}; earnings reported quarterly up to 2024-01-25 (Q4 2023), statements to match. */
    static StoredTicker storedOn(LocalDate day) {
        Map<AvFunction, Instant> at = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.PER_TICKER) {
            at.put(f, day.atTime(6, 0).toInstant(ZoneOffset.UTC));
        }
        Map<AvFunction, LocalDate> newest = new EnumMap<>(AvFunction.class);
        for (AvFunction s : AvFunction.STATEMENTS) {
            newest.put(s, LocalDate.of(2023, 12, 31));
        }
        return new StoredTicker(at, history(LocalDate.of(2024, 1, 25), 8), newest);
    }

    /** {@code n} quarterly reports, the newest for the quarter ending about 25 days before {@code newest}. */
    static List<EarningsReport> history(LocalDate newest, int n) {
        List<EarningsReport> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            LocalDate reported = newest.minusWeeks(13L * k);
            out.add(new EarningsReport(reported.minusDays(25).withDayOfMonth(1).minusDays(1), reported, "post-market"));
        }
        return out;
    }

    static EarningsCalendar calendar(CalendarEntry... previous) {
        return new EarningsCalendar(LAST_RUN, List.of(previous), TODAY, List.of());
    }

    static TickerRefresh decide(StoredTicker stored, EarningsCalendar calendar) {
        return POLICY.decide("AAA", AvFunction.PER_TICKER, stored, calendar, NOW);
    }

    @Test
    void pricesEveryRunTheRestKeptWhenNothingWasReported() {
        TickerRefresh t = decide(storedOn(LAST_RUN), calendar(new CalendarEntry("AAA", TODAY.plusDays(10),
                LocalDate.of(2024, 3, 31))));
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED), t.toFetch());
        assertEquals(RefreshReason.EVERY_RUN, t.decision(TIME_SERIES_DAILY_ADJUSTED).reason());
        assertEquals(RefreshReason.UNCHANGED, t.decision(EARNINGS).reason());
        assertEquals(RefreshReason.UNCHANGED, t.decision(SPLITS).reason());
    }

    @Test
    void aReportSinceTheFetchFetchesEarningsAndStatements() {
        TickerRefresh t = decide(storedOn(LAST_RUN), calendar(new CalendarEntry("AAA", TODAY.minusDays(2),
                LocalDate.of(2024, 3, 31))));
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED, EARNINGS, INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW),
                t.toFetch());
        assertEquals(RefreshReason.REPORTED, t.decision(CASH_FLOW).reason());
        assertTrue(t.decision(EARNINGS).detail().contains(TODAY.minusDays(2).toString()), t.decision(EARNINGS).detail());
    }

    @Test
    void aReportOnTheFetchDayIsNotSinceTheFetch() {
        StoredTicker stored = storedOn(LAST_RUN);
        LocalDate reported = LAST_RUN;
        StoredTicker withQuarter = new StoredTicker(stored.fetchedAt(),
                List.of(new EarningsReport(LocalDate.of(2024, 3, 31), reported, "pre-market")),
                Map.of(INCOME_STATEMENT, LocalDate.of(2024, 3, 31), BALANCE_SHEET, LocalDate.of(2024, 3, 31),
                        CASH_FLOW, LocalDate.of(2024, 3, 31)));
        TickerRefresh t = decide(withQuarter, calendar(new CalendarEntry("AAA", reported, LocalDate.of(2024, 3, 31))));
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED), t.toFetch(), "the answers of that day hold the quarter");
    }

    @Test
    void statementsThatLackARecentlyReportedQuarterAreFetchedAgain() {
        StoredTicker stored = storedOn(LAST_RUN);
        LocalDate reported = LAST_RUN.minusDays(1);
        List<EarningsReport> earnings = new ArrayList<>(stored.earnings());
        earnings.add(0, new EarningsReport(LocalDate.of(2024, 3, 31), reported, "post-market"));
        Map<AvFunction, LocalDate> newest = new EnumMap<>(stored.newestQuarter());
        newest.put(INCOME_STATEMENT, LocalDate.of(2024, 3, 31)); // the income statement has it already
        StoredTicker partly = new StoredTicker(stored.fetchedAt(), earnings, newest);
        TickerRefresh t = decide(partly, calendar());
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED, BALANCE_SHEET, CASH_FLOW), t.toFetch());
        assertEquals(RefreshReason.QUARTER_MISSING, t.decision(CASH_FLOW).reason());
        assertTrue(t.decision(CASH_FLOW).detail().contains("2024-03-31"), t.decision(CASH_FLOW).detail());
    }

    @Test
    void aQuarterMissingLongAfterItsReportIsLeftToTheStatementAge() {
        StoredTicker stored = storedOn(LAST_RUN);
        List<EarningsReport> earnings = new ArrayList<>(stored.earnings());
        earnings.add(0, new EarningsReport(LocalDate.of(2024, 3, 31),
                TODAY.minusDays(RefreshPolicy.RECENT_REPORT_DAYS + 1), "post-market"));
        TickerRefresh t = decide(new StoredTicker(stored.fetchedAt(), earnings, stored.newestQuarter()),
                calendar(new CalendarEntry("AAA", TODAY.plusDays(60), LocalDate.of(2024, 6, 30))));
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED), t.toFetch(), "not chased week after week");
    }

    @Test
    void freshAnswersAreKeptAndRefreshFetchesEverything() {
        StoredTicker stored = storedOn(TODAY.minusDays(2));
        TickerRefresh fresh = decide(stored, calendar(new CalendarEntry("AAA", TODAY.minusDays(1), null)));
        assertEquals(List.of(), fresh.toFetch(), "a rerun within --max-age fetches nothing");
        assertEquals(RefreshReason.FRESH, fresh.decision(EARNINGS).reason());
        RefreshPolicy refresh = new RefreshPolicy(new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, true, 4));
        TickerRefresh all = refresh.decide("AAA", AvFunction.PER_TICKER, stored, EarningsCalendar.none(), NOW);
        assertEquals(AvFunction.PER_TICKER, all.toFetch());
        assertEquals(AvFunction.PER_TICKER, decide(StoredTicker.none(), EarningsCalendar.none()).toFetch());
        assertEquals(RefreshReason.NOT_STORED, decide(StoredTicker.none(), EarningsCalendar.none())
                .decision(SPLITS).reason());
    }

    @Test
    void aTickerTheCalendarMissesIsCaughtByThePredictedReport() {
        // Reported 2024-01-25, 2023-10-26, 2023-07-27, 2023-04-27, ...: the next one is predicted for 2024-04-25.
        TickerRefresh t = decide(storedOn(LAST_RUN), calendar(new CalendarEntry("OTHER", TODAY, null)));
        assertEquals(RefreshReason.PREDICTED, t.decision(EARNINGS).reason());
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED, EARNINGS, INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW),
                t.toFetch());
        assertEquals(Optional.of(LocalDate.of(2023, 4, 27).plusWeeks(52)),
                RefreshPolicy.predictedReport(history(LocalDate.of(2024, 1, 25), 8)));
    }

    @Test
    void aTickerTheCalendarMissesWithoutHistoryIsCaughtAtTheLatestByTheStatementAge() {
        StoredTicker stored = storedOn(LAST_RUN);
        StoredTicker noHistory = new StoredTicker(stored.fetchedAt(), List.of(), stored.newestQuarter());
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED), decide(noHistory, calendar()).toFetch(),
                "nothing tells of a report");
        LocalDate aged = TODAY.minusDays(FetchPolicy.DEFAULT_MAX_STATEMENT_AGE.toDays());
        StoredTicker old = storedOn(aged);
        TickerRefresh t = decide(new StoredTicker(old.fetchedAt(), List.of(), old.newestQuarter()), calendar());
        assertEquals(AvFunction.PER_TICKER, t.toFetch());
        assertEquals(RefreshReason.STATEMENT_AGE, t.decision(BALANCE_SHEET).reason());
        assertEquals(RefreshReason.STATEMENT_AGE, t.decision(SPLITS).reason());
    }

    @Test
    void anAgedAnswerWaitsForAReportListedWithinTwoWeeks() {
        LocalDate aged = TODAY.minusDays(FetchPolicy.DEFAULT_MAX_STATEMENT_AGE.toDays());
        TickerRefresh t = decide(storedOn(aged), calendar(new CalendarEntry("AAA", TODAY.plusDays(5), null)));
        assertEquals(RefreshReason.UNCHANGED, t.decision(EARNINGS).reason());
        assertEquals(RefreshReason.STATEMENT_AGE, t.decision(SPLITS).reason(), "splits are not renewed by reports");
        LocalDate tooOld = aged.minusDays(RefreshPolicy.POSTPONE_DAYS);
        assertEquals(RefreshReason.STATEMENT_AGE, decide(storedOn(tooOld),
                calendar(new CalendarEntry("AAA", TODAY.plusDays(5), null))).decision(EARNINGS).reason());
    }

    @Test
    void theNextListedReportAfterTheLastStoredOneRulesOutAReportInBetween() {
        // No stored calendar; the new one lists the report after the stored 2024-01-25 one: nothing in between.
        EarningsCalendar onlyNew = new EarningsCalendar(null, List.of(), TODAY,
                List.of(new CalendarEntry("AAA", TODAY.plusDays(3), LocalDate.of(2024, 3, 31))));
        assertEquals(List.of(TIME_SERIES_DAILY_ADJUSTED), decide(storedOn(LAST_RUN), onlyNew).toFetch());
        // The new one lists a report half a year after the last stored one: one was missed, the prediction decides.
        EarningsCalendar later = new EarningsCalendar(null, List.of(), TODAY,
                List.of(new CalendarEntry("AAA", LocalDate.of(2024, 7, 25), LocalDate.of(2024, 6, 30))));
        assertEquals(RefreshReason.PREDICTED, decide(storedOn(LAST_RUN), later).decision(EARNINGS).reason());
    }

    @Test
    void splitsAfterPricesOnlyForASplitTheStoredSplitsLack() {
        RefreshDecision unchanged = decide(storedOn(LAST_RUN), calendar()).decision(SPLITS);
        Instant fetched = LAST_RUN.atTime(6, 0).toInstant(ZoneOffset.UTC);
        RefreshDecision split = POLICY.afterPrices(unchanged, fetched, List.of(TODAY.minusDays(1)), List.of());
        assertEquals(RefreshReason.SPLIT, split.reason());
        assertTrue(split.fetch());
        assertEquals(RefreshReason.UNCHANGED, POLICY.afterPrices(unchanged, fetched,
                List.of(LAST_RUN.minusDays(30)), List.of()).reason(), "an old split is in the stored answer");
        assertEquals(RefreshReason.UNCHANGED, POLICY.afterPrices(unchanged, fetched, List.of(LAST_RUN),
                List.of(LAST_RUN)).reason(), "a split of the fetch day that the stored answer lists");
        assertEquals(RefreshReason.SPLIT, POLICY.afterPrices(unchanged, fetched, List.of(LAST_RUN),
                List.of()).reason(), "a split of the fetch day that the stored answer lacks");
        RefreshDecision fresh = new RefreshDecision(SPLITS, RefreshReason.FRESH, "");
        assertEquals(fresh, POLICY.afterPrices(fresh, fetched, List.of(TODAY), List.of()));
    }

    @Test
    void onlyStaleReportDrivenAnswersNeedTheCalendar() {
        Instant weekOld = NOW.minus(Duration.ofDays(7));
        assertTrue(POLICY.needsCalendar(EARNINGS, Optional.of(weekOld), NOW));
        assertFalse(POLICY.needsCalendar(TIME_SERIES_DAILY_ADJUSTED, Optional.of(weekOld), NOW));
        assertFalse(POLICY.needsCalendar(SPLITS, Optional.of(weekOld), NOW));
        assertFalse(POLICY.needsCalendar(EARNINGS, Optional.empty(), NOW));
        assertFalse(POLICY.needsCalendar(EARNINGS, Optional.of(NOW.minus(Duration.ofDays(1))), NOW));
        assertFalse(POLICY.needsCalendar(EARNINGS, Optional.of(NOW.minus(Duration.ofDays(91))), NOW));
    }
}
