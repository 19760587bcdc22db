package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;

/**
 * The run report's "Restatements" section (pipeline.md §8a) from {@link RestatementFacts}: restated values per
 * statement, the largest changes, and the panel rows that differ from a build on today's answers alone. Nothing when
 * the run has no restatement facts.
 */
final class RestatementsSection {
    private RestatementsSection() {}

    static void render(StringBuilder h, RestatementFacts r) {
        if (r == null) {
            return;
        }
        h.append("<section id=\"restatements\">\n<h2>Restatements</h2>\n<p class=\"lede\">")
                .append("The raw store keeps every distinct answer of the four statement functions; each day of the ")
                .append("panel shows the values as they stood then (<code>statement_restatements.parquet</code> ")
                .append("lists every changed value).</p>\n<div class=\"stats\">");
        stat(h, "Restated values", Format.count(r.total()));
        for (ReasonCount c : r.byStatement()) {
            stat(h, c.reason(), Format.count(c.count()));
        }
        stat(h, "Panel rows differing from today's answers", Format.count(r.panelRowsDiffering()));
        h.append("</div>\n<h3>Largest changes</h3>\n");
        if (r.largest().isEmpty()) {
            h.append("<p class=\"empty\">No value was restated.</p>\n");
        } else {
            h.append("<table class=\"compact\"><thead><tr><th>Ticker</th><th>Quarter</th><th>Metric</th>")
                    .append("<th class=\"n\">Before</th><th class=\"n\">After</th><th>When</th></tr></thead><tbody>\n");
            for (RestatementFacts.RestatedValue v : r.largest()) {
                h.append("<tr><td>").append(esc(v.ticker())).append("</td><td>")
                        .append(esc(String.valueOf(v.fiscalDateEnding()))).append("</td><td class=\"metric\">")
                        .append(esc(v.statement() + " " + v.metric())).append("</td><td class=\"n\">")
                        .append(esc(value(v.before()))).append("</td><td class=\"n\">").append(esc(value(v.after())))
                        .append("</td><td>").append(esc(String.valueOf(v.validFrom()))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static String value(Double x) {
        return x == null || x.isNaN() ? "\u2014" : Format.decimal(x, Math.abs(x) < 100 ? 2 : 0);
    }

    private static void stat(StringBuilder h, String key, String value) {
        h.append("<div class=\"stat\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div></div>");
    }
}
