package org.avpipeline.fetch;

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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CalendarEntry;
import org.avpipeline.alphavantage.EarningsReport;

/** The rules that hold whatever is stored and whatever the calendars say. */
class RefreshPolicyProperties {
    static final Instant NOW = LocalDate.of(2024, 5, 6).atTime(6, 0).toInstant(ZoneOffset.UTC);
    static final FetchPolicy WEEKLY = new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, false, 4);

    /** A store where each data type was fetched {@code ages[i]} days ago (-1: not stored), with some history. */
    static StoredTicker stored(int[] ages, int lastReportDaysAgo, int newestQuarterDaysAgo) {
        Map<AvFunction, Instant> at = new EnumMap<>(AvFunction.class);
        for (int i = 0; i < AvFunction.PER_TICKER.size(); i++) {
            if (ages[i] >= 0) {
                at.put(AvFunction.PER_TICKER.get(i), NOW.minus(Duration.ofDays(ages[i])));
            }
        }
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        List<EarningsReport> earnings = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            LocalDate reported = today.minusDays(lastReportDaysAgo + 91L * k);
            earnings.add(new EarningsReport(reported.minusDays(30), reported, "post-market"));
        }
        Map<AvFunction, LocalDate> newest = new EnumMap<>(AvFunction.class);
        for (AvFunction s : AvFunction.STATEMENTS) {
            newest.put(s, today.minusDays(newestQuarterDaysAgo));
        }
        return new StoredTicker(at, earnings, newest);
    }

    static EarningsCalendar calendar(int reportInDays, boolean listed, boolean previous) {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        List<CalendarEntry> rows = listed
                ? List.of(new CalendarEntry("AAA", today.plusDays(reportInDays), today.plusDays(reportInDays - 35)))
                : List.of();
        return previous ? new EarningsCalendar(today.minusDays(7), rows, today, List.of())
                : new EarningsCalendar(null, List.of(), today, rows);
    }

    static int[] ages(int a, int b, int c, int d, int e, int f) {
        return new int[] {a, b, c, d, e, f};
    }

    @Property(tries = 300)
    void freshIsKeptMissingIsFetchedPricesAlwaysAndRefreshEverything(
            @ForAll @IntRange(min = -1, max = 200) int prices, @ForAll @IntRange(min = -1, max = 200) int splits,
            @ForAll @IntRange(min = -1, max = 200) int earnings, @ForAll @IntRange(min = -1, max = 200) int income,
            @ForAll @IntRange(min = -1, max = 200) int balance, @ForAll @IntRange(min = -1, max = 200) int cash,
            @ForAll @IntRange(min = 0, max = 120) int lastReport, @ForAll @IntRange(min = 0, max = 300) int newest,
            @ForAll @IntRange(min = -40, max = 40) int reportIn, @ForAll boolean listed, @ForAll boolean previous) {
        int[] a = ages(prices, splits, earnings, income, balance, cash);
        StoredTicker s = stored(a, lastReport, newest);
        EarningsCalendar c = calendar(reportIn, listed, previous);
        TickerRefresh t = new RefreshPolicy(WEEKLY).decide("AAA", AvFunction.PER_TICKER, s, c, NOW);
        for (int i = 0; i < a.length; i++) {
            AvFunction f = AvFunction.PER_TICKER.get(i);
            RefreshDecision d = t.decision(f);
            if (a[i] < 0) {
                assertEquals(RefreshReason.NOT_STORED, d.reason(), f.name());
            } else if (a[i] < WEEKLY.maxAge().toDays()) {
                assertFalse(d.fetch(), f + " is younger than --max-age");
            } else if (f == AvFunction.TIME_SERIES_DAILY_ADJUSTED) {
                assertTrue(d.fetch(), "prices every run");
            } else if (a[i] >= WEEKLY.maxStatementAge().toDays() + RefreshPolicy.POSTPONE_DAYS) {
                assertEquals(RefreshReason.STATEMENT_AGE, d.reason(), f + " long past the statement age");
            }
        }
        RefreshPolicy refresh = new RefreshPolicy(new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, true, 4));
        assertEquals(AvFunction.PER_TICKER, refresh.decide("AAA", AvFunction.PER_TICKER, s, c, NOW).toFetch());
    }

    @Property(tries = 200)
    void aListedReportSinceTheFetchAlwaysFetchesEarningsAndStatements(
            @ForAll @IntRange(min = 7, max = 89) int fetchedDaysAgo, @ForAll @IntRange(min = 0, max = 88) int reportedDaysAgo,
            @ForAll boolean previous) {
        int reported = Math.min(reportedDaysAgo, fetchedDaysAgo - 1);
        int[] a = ages(fetchedDaysAgo, fetchedDaysAgo, fetchedDaysAgo, fetchedDaysAgo, fetchedDaysAgo, fetchedDaysAgo);
        TickerRefresh t = new RefreshPolicy(WEEKLY).decide("AAA", AvFunction.PER_TICKER, stored(a, 100, 120),
                calendar(-reported, true, previous), NOW);
        for (AvFunction f : List.of(AvFunction.EARNINGS, AvFunction.INCOME_STATEMENT, AvFunction.BALANCE_SHEET,
                AvFunction.CASH_FLOW)) {
            assertEquals(RefreshReason.REPORTED, t.decision(f).reason(), f.name());
        }
    }
}
