package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.RefreshDecision;
import org.avpipeline.fetch.RefreshReason;
import org.avpipeline.fetch.TickerRefresh;
import org.avpipeline.fetch.Universe;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.ReasonCount;
import org.avpipeline.report.RefreshFacts;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunManifestJson;
import org.avpipeline.report.SampleManifests;
import org.junit.jupiter.api.Test;

/** The fetch's refresh decisions in the manifest (JSON, round trip) and the run report. */
class RefreshFactsTest {
    static FetchSummary summary(List<TickerRefresh> refresh) {
        return new FetchSummary(Universe.fromTickers(List.of("AAA", "B<B")), List.of(), 3, 0, 0, Map.of(), 1,
                Instant.parse("2024-05-06T06:00:00Z"), Duration.ofSeconds(3), refresh);
    }

    static TickerRefresh ticker(String t, RefreshReason fundamentals) {
        return new TickerRefresh(t, List.of(
                new RefreshDecision(AvFunction.TIME_SERIES_DAILY_ADJUSTED, RefreshReason.EVERY_RUN, ""),
                new RefreshDecision(AvFunction.SPLITS, RefreshReason.UNCHANGED, "no split in the prices since 2024-04-29"),
                new RefreshDecision(AvFunction.EARNINGS, fundamentals, "reported 2024-05-02 (calendar), fetched 2024-04-29"),
                new RefreshDecision(AvFunction.CASH_FLOW, fundamentals, "reported 2024-05-02 (calendar), fetched 2024-04-29")));
    }

    @Test
    void decisionsByReasonAndPerTickerInTheManifestAndTheReport() {
        RefreshFacts facts = RunManifests.refreshFacts(summary(List.of(ticker("AAA", RefreshReason.REPORTED),
                ticker("B<B", RefreshReason.UNCHANGED))));
        assertEquals(List.of(new ReasonCount("every run", 2), new ReasonCount("reported since fetched", 2),
                new ReasonCount("unchanged", 4)), facts.answersByReason());
        assertEquals(List.of("TIME_SERIES_DAILY_ADJUSTED", "EARNINGS", "CASH_FLOW"), facts.tickers().get(0).fetched());
        assertEquals("fetched TIME_SERIES_DAILY_ADJUSTED (every run); EARNINGS, CASH_FLOW (reported since fetched: "
                + "reported 2024-05-02 (calendar), fetched 2024-04-29); kept SPLITS (unchanged: no split in the "
                + "prices since 2024-04-29)", facts.tickers().get(0).decision());

        RunManifest manifest = SampleManifests.realistic().withRefresh(facts);
        String json = RunManifestJson.toJson(manifest);
        assertTrue(json.contains("\"answers_by_reason\""), json);
        assertEquals(facts, RunManifestJson.fromJson(json).refresh());

        String html = HtmlReport.render(manifest);
        assertTrue(html.contains("id=\"refresh\""));
        assertTrue(html.contains("B&lt;B") && !html.contains("B<B"), "ticker escaped");
        assertTrue(html.contains("reported since fetched"));
    }

    @Test
    void noDecisionsNoRefreshSection() {
        assertNull(RunManifests.refreshFacts(summary(List.of())));
        assertTrue(!HtmlReport.render(SampleManifests.realistic()).contains("id=\"refresh\""));
    }
}
