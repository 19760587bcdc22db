package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.ArtifactStats;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.bench.SimulatedRawStore;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.TickerFacts;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.ReasonCount;
import org.avpipeline.report.RestatementFacts;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunManifestJson;
import org.avpipeline.report.SampleManifests;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report's "Restatements" section, from a build of a simulated store holding weekly statement vintages. */
class RestatementsReportTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    Path dir;

    @Test
    void aStoreWithVintagesGivesTheSectionItsCountsLargestChangesAndDifferingRows() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(7, "QQQ", 12, AS_OF);
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T06:00:00Z"), ZoneOffset.UTC);
        SimulatedRawStore.ensure(dir.resolve("data"), market, 2, clock, 13);
        List<String> tickers = new ArrayList<>(market.tickers());
        tickers.sort(null);
        Path panel = dir.resolve("out").resolve(ArtifactSchema.FILE_NAME);
        ArtifactBuild.Result result = ArtifactBuild.run(tickers, new LocalRawStore(dir.resolve("data")),
                BuildParameters.of(LocalDate.of(2012, 1, 1)), panel,
                new ArtifactMetadata("test", "run-1", "QQQ", LocalDate.of(2012, 1, 1), clock.instant()), 2,
                BuildProgress.silent());

        RestatementFacts facts = RestatementManifest.of(result.summary());
        assertNotNull(facts, "every ticker has vintages");
        long changes = result.summary().facts().stream().filter(t -> t.restatements() != null)
                .mapToLong(t -> t.restatements().changes().size()).sum();
        long rows = result.summary().facts().stream().filter(t -> t.restatements() != null)
                .mapToLong(t -> t.restatements().panelRowsDiffering()).sum();
        assertTrue(changes > 0, "the simulator restated values within 12 weeks");
        assertTrue(rows > 0, "older sets give other rows on some days");
        long fileRows = result.companions().stream()
                .filter(s -> s.path().getFileName().toString().equals(CompanionSchemas.RESTATEMENTS.fileName()))
                .mapToLong(ArtifactStats::rows).sum();
        assertEquals(fileRows, changes, "the section counts the restatements file's rows");
        assertEquals(changes, facts.total());
        assertEquals(rows, facts.panelRowsDiffering());
        long panelRows = result.summary().facts().stream().mapToLong(TickerFacts::panelRows).sum();
        assertTrue(rows < panelRows, "most days show today's values: " + rows + " of " + panelRows);
        assertEquals(Math.min(RestatementFacts.TOP, changes), facts.largest().size());
        for (int i = 1; i < facts.largest().size(); i++) {
            assertTrue(facts.largest().get(i - 1).relativeChange() >= facts.largest().get(i).relativeChange(),
                    "largest relative change first");
        }

        RunManifest m = SampleManifests.realistic().withRestatements(facts);
        String html = HtmlReport.render(m);
        String section = html.substring(html.indexOf("<section id=\"restatements\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(section.contains(String.format(java.util.Locale.ROOT, "%,d", changes)), section);
        assertTrue(section.contains(String.format(java.util.Locale.ROOT, "%,d", rows)), section);
        for (ReasonCount c : facts.byStatement()) {
            assertTrue(section.contains(c.reason()), c.reason());
        }
        RestatementFacts.RestatedValue top = facts.largest().get(0);
        assertTrue(section.contains("<td>" + top.ticker() + "</td><td>" + top.fiscalDateEnding() + "</td>"), section);
        assertTrue(section.contains("<td>" + top.validFrom() + "</td>"), section);
        assertEquals(m, RunManifestJson.fromJson(RunManifestJson.toJson(m)), "the manifest's round trip");
    }

    @Test
    void hostileValuesAreEscapedAndAValueThatAppearsIsADash() {
        String hostile = "<script>alert('x')</script>";
        RestatementFacts facts = new RestatementFacts(List.of(new ReasonCount(hostile, 3)),
                List.of(new RestatementFacts.RestatedValue(hostile, hostile, LocalDate.of(2020, 3, 31), hostile,
                        null, 5.0, LocalDate.of(2025, 6, 2))), 17);
        String html = HtmlReport.render(SampleManifests.realistic().withRestatements(facts));
        assertFalse(html.contains(hostile));
        String section = html.substring(html.indexOf("<section id=\"restatements\">"));
        assertTrue(section.contains("\u2014"), "missing before");
        assertEquals(1.0, facts.largest().get(0).relativeChange());
        RunManifest m = SampleManifests.realistic().withRestatements(facts);
        assertEquals(m, RunManifestJson.fromJson(RunManifestJson.toJson(m)));
    }

    @Test
    void withoutVintagesThereIsNoSection() {
        assertNull(RestatementManifest.of(null));
        assertFalse(HtmlReport.render(SampleManifests.realistic()).contains("id=\"restatements\""));
        assertNull(RunManifestJson.fromJson(RunManifestJson.toJson(SampleManifests.realistic())).restatements());
    }
}
