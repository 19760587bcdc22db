package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;

import java.util.Locale;

/**
 * The run report's "Outcome" section: success, degraded or failed, the rules that decided it, why, what was lost
 * against the previous run, and whether the artifact was published. The rules' wording is the README's.
 */
final class OutcomeSection {
    private OutcomeSection() {}

    static void render(StringBuilder h, RunOutcome o) {
        if (o == null) {
            return;
        }
        h.append("<section id=\"outcome\">\n<h2>Outcome: ").append(esc(o.status().word())).append("</h2>\n");
        h.append("<p class=\"lede\">").append(esc(publication(o))).append("</p>\n");
        if (!o.reasons().isEmpty()) {
            h.append("<h3>Why</h3><ul id=\"outcome-reasons\">\n");
            for (String r : o.reasons()) {
                h.append("<li>").append(esc(r)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!o.lost().isEmpty()) {
            h.append("<h3>Lost against the previous run</h3><ul id=\"outcome-lost\">\n");
            for (String l : o.lost()) {
                h.append("<li>").append(esc(l)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        OutcomeThresholds t = o.thresholds();
        h.append("<h3>Rules</h3><ul id=\"outcome-rules\">\n")
                .append("<li><b>failed</b> when nothing was fetched or nothing could be built (no artifact).</li>\n")
                .append("<li><b>degraded</b> when, against the previous run's artifact")
                .append(o.baselineRunId() == null ? " (none was found: these rules did not apply)"
                        : " (run <code>" + esc(o.baselineRunId()) + "</code>)")
                .append(", more than ").append(t == null ? "?" : String.valueOf(t.maxLostTickers()))
                .append(" tickers are missing, or a ticker lost a data type it had, or the rows fell by more than ")
                .append(t == null ? "?" : pct(t.maxRowDropPercent()))
                .append("; or when more than ").append(t == null ? "?" : pct(t.maxFailedPercent()))
                .append(" of the requested answers failed (unknown symbols aside).</li>\n")
                .append("<li><b>success</b> otherwise.</li>\n</ul>\n</section>\n");
    }

    private static String publication(RunOutcome o) {
        return switch (o.status()) {
            case SUCCESS -> "The artifact was published as the day's artifact.";
            case DEGRADED -> o.published()
                    ? "The artifact lost data but was published anyway (--accept-degraded)."
                    : "The artifact lost data: it was kept beside the previous artifact under a name that says "
                            + "degraded, not published (--accept-degraded publishes it).";
            case FAILED -> "No artifact was published; " + RunOutcome.previousArtifactNote(o.hadPrevious()) + ".";
        };
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%s %%", p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p));
    }
}
