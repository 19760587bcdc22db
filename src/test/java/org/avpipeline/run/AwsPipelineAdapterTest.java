package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.panel.FailedTicker;
import org.avpipeline.cloud.RunSummary;
import org.avpipeline.fetch.DataTypeTally;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.TickerFailure;
import org.avpipeline.fetch.Universe;
import org.junit.jupiter.api.Test;

class AwsPipelineAdapterTest {

    private static FetchSummary fetch(List<DataTypeTally> tallies) {
        return new FetchSummary(new Universe("QQQ", List.of("ACMA", "GONE", "SLOW", "BRKN")), tallies, 30, 2, 0,
                Map.of(), 60, Instant.parse("2025-01-06T06:00:00Z"), Duration.ofSeconds(30));
    }

    @Test
    void aFailedTickerIsListedOnceWithItsReasonsAndDataTypes() {
        List<DataTypeTally> tallies = new ArrayList<>();
        tallies.add(new DataTypeTally(AvFunction.ETF_PROFILE, 1, 0, List.of()));
        for (AvFunction f : AvFunction.PER_TICKER) {
            List<TickerFailure> failures = new ArrayList<>();
            failures.add(new TickerFailure("GONE", "UNKNOWN_SYMBOL", "unknown symbol: empty answer {}"));
            if (f == AvFunction.EARNINGS || f == AvFunction.CASH_FLOW) {
                failures.add(new TickerFailure("SLOW", "TRANSIENT", "transient: HTTP 503"));
            }
            if (f == AvFunction.SPLITS) {
                failures.add(new TickerFailure("SLOW", "MALFORMED", "malformed: not JSON"));
            }
            tallies.add(new DataTypeTally(f, 4 - failures.size(), 0, failures));
        }

        List<RunSummary.FailedTicker> failed = AwsPipelineAdapter.failedTickers(fetch(tallies),
                List.of(new FailedTicker("BRKN", "unreadable EARNINGS answer")));

        assertEquals(List.of(
                new RunSummary.FailedTicker("GONE", "unknown symbol (TIME_SERIES_DAILY_ADJUSTED, SPLITS, EARNINGS, "
                        + "INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW)"),
                new RunSummary.FailedTicker("SLOW", "malformed (SPLITS); transient (EARNINGS, CASH_FLOW)"),
                new RunSummary.FailedTicker("BRKN", "build: unreadable EARNINGS answer")), failed);
    }

    @Test
    void aTickerThatFailsTheFetchAndTheBuildIsStillOneTicker() {
        List<DataTypeTally> tallies = List.of(new DataTypeTally(AvFunction.EARNINGS, 3, 0,
                List.of(new TickerFailure("BRKN", "STORE_ERROR", "could not store the answer: disk full"))));

        List<RunSummary.FailedTicker> failed = AwsPipelineAdapter.failedTickers(fetch(tallies),
                List.of(new FailedTicker("BRKN", "unreadable SPLITS answer")));

        assertEquals(List.of(new RunSummary.FailedTicker("BRKN",
                "store error (EARNINGS); build: unreadable SPLITS answer")), failed);
    }
}
