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
        b.append(build(outcome.build()));
        b.append(String.format(Locale.ROOT, "%-22s %s%n", "Run report", outcome.reportFile()));
        b.append(String.format(Locale.ROOT, "%-22s %s%n", "Run manifest", outcome.manifestFile()));
        return b.toString();
    }

    /** The build's counts: universe, with prices, with usable statements, in the artifact; rows, columns, size, time. */
    public static String build(ArtifactBuild.Result result) {
        BuildSummary s = result.summary();
        StringBuilder b = new StringBuilder("Build\n");
        line(b, "Tickers in universe", String.valueOf(s.tickersInUniverse()));
        line(b, "  with prices", String.valueOf(s.withPrices()));
        line(b, "  with usable statements", String.valueOf(s.withUsableStatements()));
        line(b, "  in the artifact", String.valueOf(s.inArtifact()));
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
        line(b, "Artifact", result.stats().path().toString());
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-24s %s%n", label, value));
    }
}
