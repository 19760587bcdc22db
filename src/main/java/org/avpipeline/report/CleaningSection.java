package org.avpipeline.report;

import static org.avpipeline.report.Html.esc;
import static org.avpipeline.report.Html.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;

/** The run report's "Anomaly cleaning" section: the repaired values per statement and metric, and per ticker. */
final class CleaningSection {
    private CleaningSection() {}

    /** How many metrics a statement's table shows before the rest fold away. */
    private static final int METRICS_SHOWN = 10;

    static void render(StringBuilder h, Cleaning c) {
        lede(h, c);
        perStatement(h, c);
        mostAffected(h, c);
        byStatement(h, c);
    }

    private static void lede(StringBuilder h, Cleaning c) {
        h.append("<section id=\"cleaning\">\n<h2>Anomaly cleaning</h2>\n<p class=\"lede\">");
        if (c.asServed()) {
            h.append("None: statement values as served (<code>--cleaning as-served</code>); the reference's ")
                    .append("anomaly cleaning runs only with <code>--cleaning reference</code>.</p>\n");
        } else if (c.stage1Total() + c.stage2Total() == 0) {
            h.append("No value needed repair.</p>\n");
        } else {
            h.append(Format.counted(c.stage1Total(), "value", "values"))
                    .append(" repaired as temporary spikes (stage 1, interpolated) and ")
                    .append(Format.count(c.stage2Total()))
                    .append(" as a jump at the end of a series (stage 2, carried forward), in ")
                    .append(Format.counted(c.repairs().stream().filter(r -> r.total() > 0).count(), "metric",
                            "metrics")).append(".</p>\n");
        }
    }

    /** One box per statement: its repaired metrics, the first {@link #METRICS_SHOWN} shown, the rest folded. */
    private static void perStatement(StringBuilder h, Cleaning c) {
        h.append("<div class=\"grid3\">\n");
        for (AvFunction statement : AvFunction.STATEMENTS) {
            List<MetricRepairs> rows = c.repairs().stream()
                    .filter(r -> r.statement() == statement && r.total() > 0)
                    .sorted(Comparator.comparingInt(MetricRepairs::total).reversed()
                            .thenComparing(MetricRepairs::metric))
                    .toList();
            int max = rows.stream().mapToInt(MetricRepairs::total).max().orElse(1);
            h.append("<div class=\"statement\"><h3>").append(esc(Format.dataType(statement))).append("</h3>\n");
            if (rows.isEmpty()) {
                h.append("<p class=\"empty\">No repairs.</p></div>\n");
                continue;
            }
            metricTable(h, rows.subList(0, Math.min(METRICS_SHOWN, rows.size())), max);
            if (rows.size() > METRICS_SHOWN) {
                h.append("<details><summary>").append(rows.size() - METRICS_SHOWN).append(" more metrics</summary>\n");
                metricTable(h, rows.subList(METRICS_SHOWN, rows.size()), max);
                h.append("</details>\n");
            }
            h.append("</div>\n");
        }
    }

    /** The tickers with the most repairs, as bars by stage. */
    private static void mostAffected(StringBuilder h, Cleaning c) {
        h.append("</div>\n<div class=\"grid2\" style=\"margin-top:26px\"><div>\n<h3>Most affected tickers</h3>\n");
        List<BarChart.Bar> tickers = new ArrayList<>();
        for (TickerRepairs t : c.mostAffected()) {
            tickers.add(new BarChart.Bar(t.ticker(), List.of(new BarChart.Part(t.stage1(), Palette.ACCENT),
                    new BarChart.Part(t.stage2(), Palette.WARN)), Format.count(t.total()),
                    t.ticker() + ": " + t.stage1() + " stage 1, " + t.stage2() + " stage 2"));
        }
        h.append(BarChart.svg(tickers, "Tickers with the most repairs", "No ticker needed repairs."));
        if (!tickers.isEmpty()) {
            h.append("\n<div class=\"legend\"><span><span class=\"sw\" style=\"background:")
                    .append(Palette.ACCENT).append("\"></span>stage 1: spike interpolated</span>")
                    .append("<span><span class=\"sw\" style=\"background:").append(Palette.WARN)
                    .append("\"></span>stage 2: end jump carried forward</span></div>");
        }
    }

    /** The table of repaired metrics and values per statement, with the totals. */
    private static void byStatement(StringBuilder h, Cleaning c) {
        h.append("\n</div><div>\n")
                .append("<h3>By statement</h3>\n<table><thead><tr><th>Statement</th><th class=\"n\">Metrics</th>")
                .append("<th class=\"n\">Stage 1</th><th class=\"n\">Stage 2</th></tr></thead><tbody>\n");
        for (AvFunction statement : AvFunction.STATEMENTS) {
            List<MetricRepairs> rows = c.repairs().stream()
                    .filter(r -> r.statement() == statement && r.total() > 0).toList();
            h.append("<tr><td>").append(esc(Format.dataType(statement))).append("</td>").append(num(rows.size()))
                    .append(num(rows.stream().mapToInt(MetricRepairs::stage1).sum()))
                    .append(num(rows.stream().mapToInt(MetricRepairs::stage2).sum())).append("</tr>\n");
        }
        h.append("</tbody><tfoot><tr><td>All</td>")
                .append(num(c.repairs().stream().filter(r -> r.total() > 0).count()))
                .append(num(c.stage1Total())).append(num(c.stage2Total()))
                .append("</tr></tfoot></table>\n</div></div>\n</section>\n");
    }

    private static void metricTable(StringBuilder h, List<MetricRepairs> rows, int max) {
        h.append("<table class=\"compact\"><thead><tr><th>Metric</th><th class=\"n\">Stage 1</th>")
                .append("<th class=\"n\">Stage 2</th><th></th>")
                .append("</tr></thead><tbody>\n");
        for (MetricRepairs r : rows) {
            h.append("<tr><td class=\"metric\">").append(camelBreaks(esc(r.metric()))).append("</td>")
                    .append(num(r.stage1())).append(num(r.stage2())).append("<td class=\"bar\">")
                    .append(BarChart.mini(List.of(new BarChart.Part(r.stage1(), Palette.ACCENT),
                            new BarChart.Part(r.stage2(), Palette.WARN)), max,
                            r.metric() + ": " + r.stage1() + " stage 1, " + r.stage2() + " stage 2", 50))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** Lets the browser break an escaped camelCase name before its inner capitals. */
    static String camelBreaks(String escaped) {
        return escaped.replaceAll("(?<=[a-z])(?=[A-Z])", "<wbr/>");
    }
}
