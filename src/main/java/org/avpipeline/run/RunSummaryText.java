package org.avpipeline.run;

import java.util.Locale;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.FailedTicker;
import org.avpipeline.fetch.FetchSummaryTable;
import org.avpipeline.report.ByteSizes;

/** The summaries printed at the end of {@code build}, {@code run} and {@code demo}. */
public final class RunSummaryText {
    private RunSummaryText() {}

    /** The fetch table, then the build summary, then where the files are. */
    public static String format(Pipeline.Outcome outcome) {
        StringBuilder b = new StringBuilder();
        b.append(FetchSummaryTable.format(outcome.fetch())).append('\n');
        b.append(build(outcome.build(), outcome.artifact()));
        b.append(String.format(Locale.ROOT, "%-22s %s%n", "Run report", outcome.reportFile()));
        b.append(String.format(Locale.ROOT, "%-22s %s%n", "Run manifest", outcome.manifestFile()));
        return b.toString();
    }

    /** The outcome: success, degraded or failed, why, what was lost, and where the artifact is. */
    public static String outcome(org.avpipeline.report.RunOutcome o, java.nio.file.Path artifact) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-22s %s%n", "Outcome", o.status().word()
                + (o.status() == org.avpipeline.report.OutcomeStatus.DEGRADED
                        ? (o.published() ? " (published: --accept-degraded)" : " (not published)") : "")));
        for (String r : o.reasons()) {
            b.append("  - ").append(r).append('\n');
        }
        if (!o.lost().isEmpty()) {
            b.append(o.baselineRunId() == null ? "  Lost:\n" : "  Lost against run " + o.baselineRunId() + ":\n");
            for (String l : o.lost()) {
                b.append("    ").append(l).append('\n');
            }
        }
        if (o.status() == org.avpipeline.report.OutcomeStatus.DEGRADED && !o.published() && artifact == null) {
            b.append("  Nothing was written (a file already at --out is unchanged). Fetch the answers again, or ")
                    .append("rerun with --accept-degraded to write the artifact without them.\n");
        } else if (o.status() == org.avpipeline.report.OutcomeStatus.DEGRADED && !o.published()) {
            b.append("  The artifact is at ").append(artifact).append("; ")
                    .append(org.avpipeline.report.RunOutcome.previousArtifactNote(o.hadPrevious())).append(". ")
                    .append("Rerun with --accept-degraded to publish it.\n");
        }
        return b.toString();
    }

    /** The build's counts: universe, with prices, with usable statements, in the artifact; rows, columns, size, time. */
    public static String build(ArtifactBuild.Result result) {
        return build(result, result.stats().path());
    }

    /**
     * As {@link #build(ArtifactBuild.Result)}, with the artifact where it was moved after the build (null: not
     * written, a degraded {@code build}).
     */
    public static String build(ArtifactBuild.Result result, java.nio.file.Path artifact) {
        BuildSummary s = result.summary();
        StringBuilder b = new StringBuilder("Build\n");
        line(b, "Tickers in universe", String.valueOf(s.tickersInUniverse()));
        line(b, "  with prices", String.valueOf(s.withPrices()));
        line(b, "  with usable statements", String.valueOf(s.withUsableStatements()));
        line(b, "  in the artifact", String.valueOf(s.inArtifact()));
        java.util.List<String> withoutPrices = s.facts().stream().filter(t -> !t.inArtifact())
                .map(org.avpipeline.panel.TickerFacts::ticker).toList();
        if (!withoutPrices.isEmpty()) {
            line(b, "  without prices", withoutPrices.size() + " (" + String.join(", ", withoutPrices) + ")");
        }
        if (!s.failed().isEmpty()) {
            line(b, "  unreadable (not built)", String.valueOf(s.failed().size()));
            for (FailedTicker f : s.failed()) {
                b.append("      ").append(f.ticker()).append(": ").append(f.reason()).append('\n');
            }
        }
        if (!result.damaged().isEmpty()) {
            line(b, "  damaged stored answers", String.valueOf(result.damaged().size()));
            for (DamagedAnswer d : result.damaged()) {
                b.append("      ").append(d.describe()).append('\n');
            }
        }
        line(b, "Rows", String.format(Locale.ROOT, "%,d", result.stats().rows()));
        line(b, "Columns", String.valueOf(result.stats().columns()));
        line(b, "Size", ByteSizes.human(result.stats().bytes()));
        result.stats().firstDate().ifPresent(first -> line(b, "Dates",
                first + " .. " + result.stats().lastDate().map(Object::toString).orElse("?")));
        double seconds = s.elapsed().toMillis() / 1000.0;
        line(b, "Build time", String.format(Locale.ROOT, "%.1f s (%,.0f rows/s)", seconds,
                seconds > 0 ? result.stats().rows() / seconds : 0.0));
        line(b, "Artifact", artifact == null ? "not written (degraded)" : String.valueOf(artifact));
        for (org.avpipeline.artifact.ArtifactStats c : artifact == null ? java.util.List.<org.avpipeline.artifact.ArtifactStats>of()
                : result.companions()) {
            line(b, "  beside it", String.format(Locale.ROOT, "%s (%,d rows, %s)", c.path().getFileName(), c.rows(),
                    ByteSizes.human(c.bytes())));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-24s %s%n", label, value));
    }
}
