package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactSchema;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, point 8: a ticker Alpha Vantage does not know (GONE: its price series answered "unknown symbol", its
 * other data types not requested) is an answer, not a failure: no "with failures" badge, no failure count, no bar in
 * the failed-requests chart, and it leaves the funnel at the fetch, not after the fundamentals steps.
 */
class UnknownSymbolsTest {

    /** ACMA complete, GONE unknown; with the companies' OVERVIEW: seven data types. */
    private static Funnel funnel(boolean withOverview, TickerReason acmaFailure) {
        List<DataTypeFetch> fetch = new ArrayList<>();
        List<AvFunction> types = new ArrayList<>(AvFunction.PER_TICKER);
        if (withOverview) {
            types.add(AvFunction.OVERVIEW);
        }
        for (AvFunction f : types) {
            List<TickerReason> failures = new ArrayList<>();
            failures.add(new TickerReason("GONE", f == AvFunction.TIME_SERIES_DAILY_ADJUSTED
                    ? "UNKNOWN_SYMBOL: unknown symbol: Invalid API call"
                    : AnswerKind.SKIPPED_UNKNOWN_SYMBOL + ": not requested: TIME_SERIES_DAILY_ADJUSTED said unknown "
                            + "symbol"));
            if (acmaFailure != null && f == AvFunction.EARNINGS) {
                failures.add(acmaFailure);
            }
            fetch.add(new DataTypeFetch(f, 2 - failures.size(), 0, failures.size(), failures));
        }
        return new Funnel(2, 2, List.of(), fetch, List.of(BuildDrop.of(BuildStep.NO_PRICES,
                List.of(new TickerReason("GONE", "no price data")))), 1, 1);
    }

    @Test
    void anUnknownSymbolIsNoFailure() {
        Funnel f = funnel(false, null);
        assertEquals(0, f.fetchFailures());
        assertEquals(Set.of(), f.tickersWithFetchFailures());
        assertEquals(Set.of("GONE"), f.unknownSymbols());
        assertEquals(RunStatus.SUCCESS, RunStatus.judge(f));
        assertEquals(1, f.fetchByType().get(0).unknownSymbols());
        assertEquals(0, f.fetchByType().get(0).failedRequests());

        Funnel throttled = funnel(false, new TickerReason("ACMA", "THROTTLED: throttled"));
        assertEquals(1, throttled.fetchFailures());
        assertEquals(Set.of("ACMA"), throttled.tickersWithFetchFailures());
        assertEquals(RunStatus.SUCCESS_WITH_FAILURES, RunStatus.judge(throttled));
    }

    @Test
    void aTickerWithoutDataLeavesTheFunnelAtTheFetchAndTheStageCountsTheDataTypes() {
        List<FunnelStage> stages = FunnelStages.of(funnel(true, null), null);
        assertEquals("Fetched (7 data types)", stages.get(2).label(), "OVERVIEW makes seven");
        assertEquals(1, stages.get(2).count());
        assertEquals(1, stages.get(2).dropped());
        assertEquals("GONE (unknown symbol)", stages.get(2).dropNote());
        assertEquals(0, stages.get(2).secondary(), "no ticker with a failed data type");
        assertEquals("\u2265 10 quarters per statement", stages.get(3).label());
        for (FunnelStage later : stages.subList(3, stages.size())) {
            assertEquals(1, later.count(), later.label() + ": GONE does not pass");
            assertEquals(0, later.dropped(), later.label() + ": GONE is not dropped again");
        }
        assertEquals("Fetched (6 data types)", FunnelStages.of(funnel(false, null), null).get(2).label());
    }

    @Test
    void theReportShowsNoFailureForIt() {
        RunInfo run = RunInfo.of("r1", RunStatus.judge(funnel(false, null)), RunMode.LOCAL, null,
                LocalDate.of(2025, 5, 1), Instant.parse("2025-06-14T06:00:00Z"), Instant.parse("2025-06-14T06:00:09Z"),
                "/data/out/" + ArtifactSchema.FILE_NAME, "dev");
        RunManifest m = RunManifest.of(run, funnel(false, null), FetchStats.of(7, 0, 0, List.of(
                new ReasonCount("UNKNOWN_SYMBOL", 1), new ReasonCount(AnswerKind.SKIPPED_UNKNOWN_SYMBOL, 5)), 5.0, 75),
                new Cleaning(List.of(), List.of()), Coverage.empty(), null, List.of());
        String html = HtmlReport.render(m);
        assertFalse(html.contains("with failures"), "badge");
        assertTrue(html.contains("No request failed."), "the failed-requests chart has no bar");
        assertTrue(html.contains("Unknown symbols (Alpha Vantage's answer, not failures; no data): GONE."), html);
    }
}
