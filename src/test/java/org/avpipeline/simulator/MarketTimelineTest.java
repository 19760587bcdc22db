package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CalendarEntry;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.junit.jupiter.api.Test;

class MarketTimelineTest {
    static final SimulatedMarket MARKET = SimulatedMarket.create(42, "QQQ", 12, LocalDate.of(2024, 10, 1));
    static final MarketTimeline TIMELINE = MarketTimeline.of(MARKET);
    static final String TICKER = MARKET.tickers().get(0);

    @Test
    void aViewShowsOnlyWhatWasPublishedByItsDayAndLaterViewsOnlyAddToIt() {
        LocalDate report = TIMELINE.reportDates(TICKER, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30)).get(0);
        List<EarningsReport> before = AnswerParsers.parseEarnings(
                TIMELINE.answer(AvFunction.EARNINGS, TICKER, true, report.minusDays(1)));
        List<EarningsReport> on = AnswerParsers.parseEarnings(TIMELINE.answer(AvFunction.EARNINGS, TICKER, true, report));
        assertTrue(before.stream().noneMatch(r -> report.equals(r.reportedDate())));
        assertEquals(report, on.get(0).reportedDate(), "the report is in the earnings on its day");
        assertEquals(before, on.subList(1, on.size()), "nothing earlier changed");

        LocalDate fiscal = on.get(0).fiscalDateEnding();
        int lag = TIMELINE.statementLagDays(TICKER, fiscal);
        assertTrue(lag >= 0 && lag <= MarketTimeline.MAX_STATEMENT_LAG_DAYS);
        for (int d = 0; d <= MarketTimeline.MAX_STATEMENT_LAG_DAYS; d++) {
            List<StatementReport> rows = AnswerParsers.parseStatement(AvFunction.BALANCE_SHEET,
                    TIMELINE.answer(AvFunction.BALANCE_SHEET, TICKER, true, report.plusDays(d)));
            assertEquals(d >= lag, rows.get(0).fiscalDateEnding().equals(fiscal), "day " + d + ", lag " + lag);
        }
    }

    @Test
    void pricesEndOnTheViewDayAndAtTheMarketsDayTheAnswersAreTheMarkets() {
        LocalDate view = LocalDate.of(2024, 5, 8);
        List<DailyBar> bars = AnswerParsers.parseDailyAdjusted(
                TIMELINE.answer(AvFunction.TIME_SERIES_DAILY_ADJUSTED, TICKER, true, view));
        assertEquals(view, bars.get(bars.size() - 1).date());
        assertEquals(bars.get(bars.size() - 1).close(), bars.get(bars.size() - 1).adjustedClose(),
                "the latest adjusted close is the close");
        for (AvFunction f : AvFunction.PER_TICKER) {
            assertArrayEquals(MARKET.answer(f, TICKER), TIMELINE.answer(f, TICKER, true, MARKET.asOf()), f.name());
        }
        assertThrows(IllegalArgumentException.class,
                () -> TIMELINE.answer(AvFunction.EARNINGS, TICKER, true, MARKET.asOf().plusDays(1)));
    }

    @Test
    void theCalendarListsEachTickersNextReportWithinTheHorizonLessTheMissedOnes() {
        LocalDate view = LocalDate.of(2024, 4, 1);
        String csv = new String(TIMELINE.earningsCalendar(view, "3month"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(MarketTimeline.CALENDAR_HEADER + "\r\n"), csv);
        List<CalendarEntry> rows = AnswerParsers.parseEarningsCalendar(csv.getBytes(StandardCharsets.UTF_8));
        assertFalse(rows.isEmpty());
        for (CalendarEntry e : rows) {
            assertTrue(!e.reportDate().isBefore(view) && !e.reportDate().isAfter(view.plusMonths(3)), e.toString());
            assertEquals(TIMELINE.reportDates(e.symbol(), view.minusDays(1), view.plusMonths(3)).get(0),
                    e.reportDate(), "the next report of " + e.symbol());
        }
        assertEquals(rows.size(), rows.stream().map(CalendarEntry::symbol).distinct().count(), "one row per ticker");
        String listed = rows.get(0).symbol();
        MarketTimeline missing = new MarketTimeline(MARKET, Set.of(listed));
        assertTrue(AnswerParsers.parseEarningsCalendar(missing.earningsCalendar(view, "12month")).stream()
                .noneMatch(e -> e.symbol().equals(listed)));
        assertThrows(IllegalArgumentException.class, () -> TIMELINE.earningsCalendar(view, "2month"));
    }

    @Test
    void theServerAnswersAsOfTheRequestsDay() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(TIMELINE, SimulatorConfig.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            String calendar = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "?function=EARNINGS_CALENDAR&horizon=3month&asof=2024-04-01&apikey=k")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(new String(TIMELINE.earningsCalendar(LocalDate.of(2024, 4, 1), "3month"),
                    StandardCharsets.UTF_8), calendar);
            byte[] splits = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "?function=SPLITS&symbol=" + TICKER + "&asof=2010-01-04&apikey=k")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertArrayEquals(TIMELINE.answer(AvFunction.SPLITS, TICKER, true, LocalDate.of(2010, 1, 4)), splits);
            String late = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "?function=SPLITS&symbol=" + TICKER + "&asof=2030-01-01&apikey=k")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(late.contains("Error Message"), late);
        }
    }
}
