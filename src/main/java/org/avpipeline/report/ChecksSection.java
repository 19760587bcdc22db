package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;

/**
 * The run report's "Checks of statement values" section (pipeline.md §4.1), from {@link Cleaning}: the mode, the fiscal
 * years whose four quarters were checked against the annual report, the worst mismatches, and the quarters whose
 * balance sheet does not balance within 2 %. The checks change nothing; they are in both modes.
 */
final class ChecksSection {
    private ChecksSection() {}

    static void render(StringBuilder h, Cleaning c) {
        h.append("<section id=\"checks\">\n<h2>Checks of statement values</h2>\n<p class=\"lede\">");
        if (c.mode() != null) {
            h.append("Mode <code>").append(esc(c.mode())).append("</code>: ")
                    .append(c.asServed() ? "statement values as served, none changed. "
                            : "the reference's anomaly cleaning and minimum history ran (to reproduce its artifact). ");
        }
        h.append("Each fiscal year's four quarters are checked against the company's annual report, per flow metric ")
                .append("present in both (within 1 % of the annual figure plus 0.5 % of the quarters' magnitude); ")
                .append("the quarterly companion's <code>annual_check</code> and <code>balance_gap</code> show them ")
                .append("per quarter. A mismatch is information (a restated annual report, a quarter derived wrongly), ")
                .append("nothing is changed.</p>\n<div class=\"stats\">");
        for (StatementCheck s : c.annualChecks()) {
            stat(h, Format.dataType(s.statement()) + ": years matched",
                    Format.count(s.fiscalYearsMatched()) + " of " + Format.count(s.fiscalYearsChecked()));
        }
        stat(h, "Quarters with |balance gap| > 2 %", Format.count(c.balanceGapQuarters()));
        h.append("</div>\n<div class=\"grid2\"><div>\n<h3>Worst mismatches</h3>\n");
        if (c.worstMismatches().isEmpty()) {
            h.append("<p class=\"empty\">Every checked fiscal year adds up.</p>\n");
        } else {
            h.append("<table class=\"compact\"><thead><tr><th>Ticker</th><th>Year end</th><th>Metric</th>")
                    .append("<th class=\"n\">Annual</th><th class=\"n\">Sum of quarters</th></tr></thead><tbody>\n");
            for (AnnualMismatch m : c.worstMismatches()) {
                h.append("<tr><td>").append(esc(m.ticker())).append("</td><td>")
                        .append(esc(m.fiscalYearEnd().toString())).append("</td><td class=\"metric\">")
                        .append(esc(m.metric())).append("</td><td class=\"n\">").append(Format.decimal(m.annual(), 0))
                        .append("</td><td class=\"n\">").append(Format.decimal(m.sumOfQuarters(), 0))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</div><div>\n<h3>Largest balance gaps</h3>\n");
        if (c.largestBalanceGaps().isEmpty()) {
            h.append("<p class=\"empty\">Every balance sheet balances within 2 %.</p>\n");
        } else {
            h.append("<table class=\"compact\"><thead><tr><th>Ticker</th><th>Quarter</th>")
                    .append("<th class=\"n\">(assets \u2212 liabilities \u2212 equity) / assets</th></tr></thead><tbody>\n");
            for (BalanceGapQuarter g : c.largestBalanceGaps()) {
                h.append("<tr><td>").append(esc(g.ticker())).append("</td><td>")
                        .append(esc(g.fiscalDateEnding().toString())).append("</td><td class=\"n\">")
                        .append(Format.decimal(100 * g.balanceGap(), 1)).append(" %</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            if (c.balanceGapQuarters() > c.largestBalanceGaps().size()) {
                h.append("<p class=\"empty\">").append(Format.count(c.balanceGapQuarters()
                        - c.largestBalanceGaps().size())).append(" more in the quarterly companion.</p>\n");
            }
        }
        h.append("</div></div>\n</section>\n");
    }

    private static void stat(StringBuilder h, String key, String value) {
        h.append("<div class=\"stat\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div></div>");
    }
}
