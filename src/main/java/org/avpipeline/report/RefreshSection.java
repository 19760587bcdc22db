package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;

/**
 * The run report's "Refresh" section: what the fetch fetched and kept, and why (the weekly refresh policy), by reason
 * and per ticker.
 */
final class RefreshSection {
    private RefreshSection() {}

    static void render(StringBuilder h, RefreshFacts r) {
        if (r == null) {
            return;
        }
        h.append("<section id=\"refresh\">\n<h2>Refresh</h2>\n<p class=\"lede\">Prices are fetched in every run; ")
                .append("earnings and statements when the ticker reported (earnings calendar, or the stored earnings ")
                .append("history when the calendar does not tell), when a reported quarter is still missing, or when ")
                .append("older than the statement age; splits when the new prices show one.</p>\n")
                .append("<table id=\"refresh-reasons\"><thead><tr><th>Reason</th><th class=\"n\">Answers</th>")
                .append("</tr></thead><tbody>\n");
        for (ReasonCount c : r.answersByReason()) {
            h.append("<tr><td>").append(esc(c.reason())).append("</td><td class=\"n\">")
                    .append(Format.count(c.count())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<details><summary>Decisions per ticker: <span class=\"count\">")
                .append(Format.count(r.tickers().size())).append("</span></summary>\n")
                .append("<table id=\"refresh-tickers\"><thead><tr><th>Ticker</th><th class=\"n\">Fetched</th>")
                .append("<th>Decision</th></tr></thead><tbody>\n");
        for (RefreshFacts.TickerRefreshFacts t : r.tickers()) {
            h.append("<tr><td>").append(esc(t.ticker())).append("</td><td class=\"n\">")
                    .append(Format.count(t.fetched().size())).append("</td><td>").append(esc(t.decision()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</details>\n</section>\n");
    }
}
