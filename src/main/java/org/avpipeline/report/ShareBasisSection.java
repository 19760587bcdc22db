package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;

import java.util.List;
import java.util.Locale;

/** The run report's "Share basis" section (pipeline.md §3.4), from {@link ShareBases}. */
final class ShareBasisSection {
    private ShareBasisSection() {}

    static void render(StringBuilder h, ShareBases b) {
        h.append("<section id=\"share-basis\">\n<h2>Share basis</h2>\n<p class=\"lede\">Alpha Vantage serves ")
                .append("<code>commonStockSharesOutstanding</code> either as reported (each quarter on the basis of ")
                .append("its report date) or restated to today's split basis, without saying which. The build decides ")
                .append("per split from the count's jump across it and brings every count to the current basis, the ")
                .append("basis of <code>adjusted_close</code>. A ticker is as reported when any of its tested splits ")
                .append("is; untested tickers (no quarter reported on one side of any split) are taken as restated.</p>\n")
                .append("<div class=\"stats\">");
        stat(h, "As reported", Format.count(b.asReported()));
        stat(h, "Restated", Format.count(b.restated()));
        stat(h, "Untested (restated)", Format.count(b.untested()));
        stat(h, "Without splits", Format.count(b.withoutSplits()));
        h.append("</div>\n");
        long warnings = b.warningCount();
        if (warnings > 0) {
            h.append("<div class=\"warnings\"><h2>").append(Format.counted(warnings, "split", "splits"))
                    .append(" with a doubtful basis</h2><ul>\n");
            for (ShareBases.TickerSplits t : b.tickers()) {
                for (ShareBases.SplitDecision s : t.splits()) {
                    if (s.warning() != null) {
                        h.append("<li><b>").append(esc(t.ticker())).append("</b> ").append(esc(s.date().toString()))
                                .append(": ").append(esc(s.warning())).append("</li>\n");
                    }
                }
            }
            h.append("</ul></div>\n");
        }
        if (b.tickers().isEmpty()) {
            h.append("<p class=\"empty\">No ticker has a split that counts.</p>\n</section>\n");
            return;
        }
        h.append("<details><summary>").append(Format.counted(b.tickers().size(), "ticker", "tickers"))
                .append(" with splits</summary>\n<table class=\"named\" id=\"share-basis-table\"><thead><tr>")
                .append("<th>Ticker</th><th>Split</th><th class=\"n\">Factor</th><th class=\"n\">r</th>")
                .append("<th>Decision</th><th>How</th><th>Quarters around it</th><th>Warning</th></tr></thead><tbody>\n");
        for (ShareBases.TickerSplits t : b.tickers()) {
            List<ShareBases.SplitDecision> splits = t.splits();
            for (int i = 0; i < splits.size(); i++) {
                ShareBases.SplitDecision s = splits.get(i);
                h.append("<tr><td>");
                if (i == 0) {
                    h.append("<b>").append(esc(t.ticker())).append("</b> <span class=\"tag\">")
                            .append(esc(label(t.basis()))).append("</span>");
                }
                h.append("</td><td>").append(esc(s.date().toString())).append("</td><td class=\"n\">")
                        .append(esc(number(s.factor()))).append("</td><td class=\"n\">")
                        .append(s.ratio() == null ? "\u2014" : esc(number(s.ratio()))).append("</td><td>")
                        .append(esc(label(s.basis()))).append("</td><td>").append(esc(label(s.evidence())))
                        .append("</td><td>").append(esc(Format.date(s.quarterBefore()))).append(" \u2192 ")
                        .append(esc(Format.date(s.quarterAfter()))).append("</td><td class=\"reason\">")
                        .append(s.warning() == null ? "" : esc(s.warning())).append("</td></tr>\n");
            }
        }
        h.append("</tbody></table></details>\n</section>\n");
    }

    private static void stat(StringBuilder h, String key, String value) {
        h.append("<div class=\"stat\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div></div>");
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** {@code AS_REPORTED} -> "as reported". */
    private static String label(String constant) {
        return constant == null ? "" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
