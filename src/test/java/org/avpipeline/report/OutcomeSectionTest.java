package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest's outcome section and the report's "Outcome" section (issue 10). */
class OutcomeSectionTest {
    private static final String HOSTILE = "<script>alert(1)</script>";

    private static RunManifest manifest(RunOutcome outcome) {
        RunInfo run = RunInfo.of("r1", RunStatus.SUCCESS, RunMode.LOCAL, "QQQ", LocalDate.of(2004, 12, 31),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:10:00Z"), "/x/a.parquet", "t");
        return RunManifest.of(run, new Funnel(2, 2, List.of(), List.of(), List.of(), 2, 2),
                FetchStats.of(0, 0, 0, List.of(), 0, 75), Cleaning.of(List.of(), List.of()), Coverage.empty(),
                new ArtifactFacts("a.parquet", 10, 159, 1, null, null, 2), List.of()).withOutcome(outcome);
    }

    private static RunOutcome degraded(boolean published) {
        return new RunOutcome(OutcomeStatus.DEGRADED, List.of("1 tickers of the previous artifact are missing " + HOSTILE),
                List.of(HOSTILE + ": not in the artifact (had 10 rows)"), published, published, "r0", "/x/b.parquet",
                OutcomeThresholds.defaults(), List.of(new TickerContents("A", 10, List.of("SPLITS"))));
    }

    @Test
    void theManifestSaysTheOutcomeInWordsAndReadsBack() {
        RunManifest m = manifest(degraded(false));
        assertEquals(RunStatus.DEGRADED, m.run().status(), "the run's status follows the outcome");
        String json = RunManifestJson.toJson(m);
        assertTrue(json.contains("\"status\" : \"degraded\""), json);
        assertTrue(json.contains("\"max_row_drop_percent\" : 1.0"), json);
        RunManifest back = RunManifestJson.fromJson(json);
        assertEquals(m.outcome(), back.outcome());
        assertEquals(RunStatus.DEGRADED, back.run().status());
    }

    @Test
    void theReportShowsTheOutcomeItsRulesAndWhatWasLostEscaped() {
        String html = HtmlReport.render(manifest(degraded(false)));
        assertTrue(html.contains("<section id=\"outcome\">"), html);
        assertTrue(html.contains("Outcome: degraded"));
        assertTrue(html.contains("not published (--accept-degraded publishes it)"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;: not in the artifact (had 10 rows)"));
        assertFalse(html.contains(HOSTILE));
        assertTrue(html.contains("run <code>r0</code>"), "the baseline run");
        assertTrue(html.contains("rows fell by more than 1 %"), "the rules with their thresholds");
        assertTrue(HtmlReport.render(manifest(degraded(true))).contains("published anyway (--accept-degraded)"));
    }

    @Test
    void aManifestWithoutTheSectionStillRenders() {
        RunManifest old = manifest(degraded(false));
        old = new RunManifest(old.schemaVersion(), old.run(), old.funnel(), old.fetch(), old.cleaning(),
                old.coverage(), old.artifact(), old.warnings());
        assertFalse(HtmlReport.render(old).contains("id=\"outcome\""));
        assertEquals(null, RunManifestJson.fromJson(RunManifestJson.toJson(old)).outcome());
    }
}
