package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;
import static org.avpipeline.report.Html.num;
import static org.avpipeline.report.Html.stat;

import java.util.Comparator;
import java.util.List;

/** The run report's "Fetch" section: requests per data type, the achieved rate against the plan, failures by reason. */
final class FetchSection {
    private FetchSection() {}

    static void render(StringBuilder h, RunManifest m) {
        byDataType(h, m.funnel(), m.fetch());
        rates(h, m.fetch());
    }

    /** The lede and the table of fetched, kept and failed answers per data type, with the unknown symbols. */
    private static void byDataType(StringBuilder h, Funnel f, FetchStats fs) {
        h.append("<section id=\"fetch\">\n<h2>Fetch</h2>\n<p class=\"lede\">")
                .append(Format.counted(fs.requests(), "request", "requests")).append(" in ").append(esc(Format.duration(fs.elapsedSeconds())))
                .append(" at ").append(Format.decimal(fs.achievedPerMinute(), 1)).append(" per minute against a plan of ")
                .append(Format.decimal(fs.planPerMinute(), 0)).append(". A stored answer that is still fresh, or that ")
                .append("cannot have changed (see Refresh), is not requested again.</p>\n<div class=\"grid2\"><div>\n")
                .append("<table id=\"fetch-table\"><thead><tr><th>Data type</th><th class=\"n\">Fetched</th>")
                .append("<th class=\"n\">Kept</th><th class=\"n\">Failed</th><th></th></tr></thead><tbody>\n");
        int fetched = 0;
        int fresh = 0;
        int failed = 0;
        for (DataTypeFetch d : f.fetchByType()) {
            fetched += d.fetched();
            fresh += d.skippedFresh();
            failed += d.failedRequests();
            h.append("<tr><td>").append(esc(Format.dataType(d.dataType()))).append("</td>")
                    .append(num(d.fetched())).append(num(d.skippedFresh()))
                    .append(d.failedRequests() > 0 ? "<td class=\"n bad\">" + Format.count(d.failedRequests())
                            + "</td>" : num(0))
                    .append("<td>").append(BarChart.mini(List.of(new BarChart.Part(d.fetched(), Palette.ACCENT),
                            new BarChart.Part(d.skippedFresh(), Palette.ACCENT_LIGHT),
                            new BarChart.Part(d.failedRequests(), Palette.BAD)), d.tickers() - d.unknownSymbols(),
                            Format.dataType(d.dataType()) + ": " + d.fetched() + " fetched, " + d.skippedFresh()
                                    + " kept, " + d.failedRequests() + " failed"
                                    + (d.unknownSymbols() > 0 ? ", " + d.unknownSymbols() + " unknown symbol" : ""),
                            160))
                    .append("</td></tr>\n");
        }
        if (f.fetchByType().isEmpty()) {
            h.append("<tr><td colspan=\"5\" class=\"empty\">Nothing was fetched.</td></tr>\n");
        }
        h.append("</tbody><tfoot><tr><td>All</td>").append(num(fetched)).append(num(fresh)).append(num(failed))
                .append("<td></td></tr></tfoot></table>\n")
                .append("<div class=\"legend\"><span><span class=\"sw\" style=\"background:").append(Palette.ACCENT)
                .append("\"></span>fetched</span><span><span class=\"sw\" style=\"background:")
                .append(Palette.ACCENT_LIGHT).append("\"></span>kept, not requested</span>")
                .append("<span><span class=\"sw\" style=\"background:").append(Palette.BAD)
                .append("\"></span>failed after retries</span></div>\n");
        if (!f.unknownSymbols().isEmpty()) {
            h.append("<p id=\"unknown-symbols\">Unknown symbols (Alpha Vantage's answer, not failures; "
                    + "no data): ").append(esc(String.join(", ", f.unknownSymbols()))).append(".</p>\n");
        }
    }

    /** The request counts, the achieved rate against the plan and the failed requests by reason. */
    private static void rates(StringBuilder h, FetchStats fs) {
        h.append("</div><div>\n<div class=\"stats\">");
        stat(h, "Requests", Format.count(fs.requests()));
        stat(h, "Retries", Format.count(fs.retries()));
        stat(h, "Throttled", Format.count(fs.throttled()));
        stat(h, "Elapsed", Format.duration(fs.elapsedSeconds()));
        stat(h, "Rate", Format.decimal(fs.achievedPerMinute(), 1) + "/min");
        stat(h, "Plan", Format.decimal(fs.planPerMinute(), 0) + "/min");
        h.append("</div>\n<h3>Requests per minute</h3>\n")
                .append(BarChart.svg(List.of(
                        new BarChart.Bar("achieved", List.of(new BarChart.Part(fs.achievedPerMinute(),
                                fs.planPerMinute() > 0 && fs.achievedPerMinute() < 0.8 * fs.planPerMinute()
                                        ? Palette.WARN : Palette.ACCENT)),
                                Format.decimal(fs.achievedPerMinute(), 1), "achieved rate"),
                        new BarChart.Bar("plan", List.of(new BarChart.Part(fs.planPerMinute(), Palette.ACCENT_LIGHT)),
                                Format.decimal(fs.planPerMinute(), 0), "the plan's rate")),
                        "Achieved request rate against the plan", ""))
                .append("\n<h3 style=\"margin-top:14px\">Failed requests by reason</h3>\n");
        List<BarChart.Bar> reasons = fs.failuresByReason().stream()
                .filter(r -> !org.avpipeline.alphavantage.AnswerKind.aboutTheSymbol(r.reason()))
                .sorted(Comparator.comparingLong(ReasonCount::count).reversed())
                .map(r -> new BarChart.Bar(r.reason(), List.of(new BarChart.Part(r.count(), Palette.BAD)),
                        Format.count(r.count()), r.reason() + ": " + r.count()))
                .toList();
        h.append(BarChart.svg(reasons, "Failed requests by reason", "No request failed."));
        h.append("\n</div></div>\n</section>\n");
    }
}
