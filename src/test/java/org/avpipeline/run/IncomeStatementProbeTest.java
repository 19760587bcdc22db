package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.RefreshReason;
import org.avpipeline.fetch.TickerRefresh;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.simulator.MarketTimeline;
import org.avpipeline.simulator.SimulatedMarket;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The income statement as a probe, against the simulator's time travel: on a report's day, before Alpha Vantage has
 * added the quarter, the balance sheet and cash flow wait (one call each saved); once the income statement holds the
 * quarter they are fetched in the same run, and the stored answers are what a full fetch that day would get.
 */
class IncomeStatementProbeTest {
    static final LocalDate FROM = LocalDate.of(2024, 4, 8);
    static final LocalDate TO = LocalDate.of(2024, 6, 30);

    @TempDir
    Path dir;

    record Report(String ticker, LocalDate reported, LocalDate quarter, int lag) {}

    @Test
    void statementsThatCameLaterWaitAndAreFetchedOnceTheIncomeStatementHoldsTheQuarter() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(SimulatorConfig.DEFAULT_SEED, SimulatedMarket.DEFAULT_ETF, 20,
                TO.plusDays(120));
        MarketTimeline timeline = MarketTimeline.of(market);
        Report late = reports(timeline, market).stream().filter(r -> r.lag() >= 1).findFirst().orElseThrow();
        try (SimulatorServer server = SimulatorServer.start(timeline, SimulatorConfig.defaults())) {
            Path data = dir.resolve("late");
            WeeklyRefreshTest.fetch(server, late.reported().minusWeeks(1), data, List.of(late.ticker()));

            FetchSummary onTheDay = WeeklyRefreshTest.fetch(server, late.reported(), data, List.of(late.ticker()));
            TickerRefresh t = onTheDay.refresh().get(0);
            assertEquals(RefreshReason.REPORTED, t.decision(AvFunction.INCOME_STATEMENT).reason(), t.summary());
            assertEquals(RefreshReason.WAITING, t.decision(AvFunction.BALANCE_SHEET).reason(), t.summary());
            assertEquals(RefreshReason.WAITING, t.decision(AvFunction.CASH_FLOW).reason(), t.summary());
            assertEquals(1 + 1 + 2, onTheDay.requests(), "calendar, prices, earnings, income statement");
            assertTrue(newest(data, late.ticker(), AvFunction.BALANCE_SHEET).isBefore(late.quarter()));

            LocalDate nextWeek = late.reported().plusWeeks(1);
            FetchSummary after = WeeklyRefreshTest.fetch(server, nextWeek, data, List.of(late.ticker()));
            t = after.refresh().get(0);
            assertEquals(RefreshReason.QUARTER_MISSING, t.decision(AvFunction.INCOME_STATEMENT).reason(), t.summary());
            assertEquals(RefreshReason.REPORTED, t.decision(AvFunction.BALANCE_SHEET).reason(), t.summary());
            assertEquals(RefreshReason.REPORTED, t.decision(AvFunction.CASH_FLOW).reason(), t.summary());
            for (AvFunction s : AvFunction.STATEMENTS) {
                assertEquals(late.quarter(), newest(data, late.ticker(), s), s + " holds the reported quarter");
                assertEquals(AnswerParsers.parseStatement(s, timeline.answer(s, late.ticker(), true, nextWeek)),
                        stored(data, late.ticker(), s), s + " as a full fetch gets it");
            }
        }
    }

    @Test
    void statementsAlreadyOutOnTheReportDayAreFetchedInTheSameRun() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(SimulatorConfig.DEFAULT_SEED, SimulatedMarket.DEFAULT_ETF, 20,
                TO.plusDays(120));
        MarketTimeline timeline = MarketTimeline.of(market);
        Report prompt = reports(timeline, market).stream().filter(r -> r.lag() == 0).findFirst().orElseThrow();
        try (SimulatorServer server = SimulatorServer.start(timeline, SimulatorConfig.defaults())) {
            Path data = dir.resolve("prompt");
            WeeklyRefreshTest.fetch(server, prompt.reported().minusWeeks(1), data, List.of(prompt.ticker()));
            FetchSummary onTheDay = WeeklyRefreshTest.fetch(server, prompt.reported(), data, List.of(prompt.ticker()));
            TickerRefresh t = onTheDay.refresh().get(0);
            assertEquals(RefreshReason.REPORTED, t.decision(AvFunction.BALANCE_SHEET).reason(), t.summary());
            assertEquals(RefreshReason.REPORTED, t.decision(AvFunction.CASH_FLOW).reason(), t.summary());
            assertEquals(1 + 1 + 4, onTheDay.requests(), "calendar, prices, earnings, three statements");
            for (AvFunction s : AvFunction.STATEMENTS) {
                assertEquals(prompt.quarter(), newest(data, prompt.ticker(), s), s + " holds the reported quarter");
            }
        }
    }

    /** The reports between FROM and TO that are the only one of their ticker within a week either side. */
    static List<Report> reports(MarketTimeline timeline, SimulatedMarket market) {
        return market.tickers().stream().flatMap(t -> {
            List<EarningsReport> earnings = AnswerParsers.parseEarnings(timeline.answer(AvFunction.EARNINGS, t, true,
                    TO.plusDays(60)));
            return earnings.stream().filter(e -> e.reportedDate() != null && e.fiscalDateEnding() != null
                    && e.reportedDate().isAfter(FROM) && e.reportedDate().isBefore(TO))
                    .map(e -> new Report(t, e.reportedDate(), e.fiscalDateEnding(),
                            timeline.statementLagDays(t, e.fiscalDateEnding())));
        }).filter(r -> timeline.reportDates(r.ticker(), r.reported().minusWeeks(2), r.reported().plusWeeks(2))
                .size() == 1).toList();
    }

    static List<StatementReport> stored(Path data, String ticker, AvFunction s) throws Exception {
        return AnswerParsers.parseStatement(s, new LocalRawStore(data).read(RawKey.of(ticker, s)).orElseThrow().body());
    }

    static LocalDate newest(Path data, String ticker, AvFunction s) throws Exception {
        return stored(data, ticker, s).stream().map(StatementReport::fiscalDateEnding).max(LocalDate::compareTo)
                .orElseThrow();
    }
}
