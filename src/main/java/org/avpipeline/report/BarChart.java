package org.avpipeline.report;

import java.util.List;

/** Small horizontal bar charts: one row per label, each bar of one or more coloured parts. */
final class BarChart {
    private BarChart() {}

    /** One part of a bar. */
    record Part(double value, String colour) {}

    /** One row: its label, its parts, the text after the bar, the hover text. */
    record Bar(String label, List<Part> parts, String valueText, String title) {
        double total() {
            return parts.stream().mapToDouble(Part::value).sum();
        }
    }

    private static final int WIDTH = 480;
    private static final int LABEL_RIGHT = 150;
    private static final int BAR_X = 160;
    private static final int BAR_W = 250;
    private static final int ROW = 26;
    private static final int BAR_H = 14;

    static String svg(List<Bar> bars, String ariaLabel, String emptyText) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">" + Html.esc(emptyText) + "</p>";
        }
        double max = Math.max(1e-9, bars.stream().mapToDouble(Bar::total).max().orElse(1));
        int height = bars.size() * ROW + 4;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart bars\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(ariaLabel)).append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = 4 + i * ROW;
            s.append("<g><title>").append(Html.esc(b.title())).append("</title>");
            FunnelChart.text(s, LABEL_RIGHT, y + 12, "end", 12.5, Palette.INK, "500", Html.shorten(b.label(), 18));
            s.append("<rect x=\"").append(BAR_X).append("\" y=\"").append(Format.px(y)).append("\" width=\"")
                    .append(BAR_W).append("\" height=\"").append(BAR_H).append("\" rx=\"3\" fill=\"")
                    .append(Palette.TRACK).append("\"/>");
            double x = BAR_X;
            for (Part p : b.parts()) {
                double w = BAR_W * p.value() / max;
                if (w > 0) {
                    s.append("<rect x=\"").append(Format.px(x)).append("\" y=\"").append(Format.px(y))
                            .append("\" width=\"").append(Format.px(w)).append("\" height=\"").append(BAR_H)
                            .append("\" fill=\"").append(p.colour()).append("\"/>");
                    x += w;
                }
            }
            FunnelChart.text(s, x + 6, y + 12, "start", 12, Palette.MUTED, "600", b.valueText());
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** A thin stacked bar for a table cell: parts scaled to {@code whole}. */
    static String mini(List<Part> parts, double whole, String title, int w) {
        int h = 10;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"mini\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"").append(Html.esc(title))
                .append("\"><title>").append(Html.esc(title)).append("</title><rect width=\"").append(w)
                .append("\" height=\"").append(h).append("\" rx=\"3\" fill=\"").append(Palette.TRACK).append("\"/>");
        double x = 0;
        for (Part p : parts) {
            double pw = whole > 0 ? w * p.value() / whole : 0;
            if (pw > 0) {
                s.append("<rect x=\"").append(Format.px(x)).append("\" width=\"").append(Format.px(pw))
                        .append("\" height=\"").append(h).append("\" fill=\"").append(p.colour()).append("\"/>");
                x += pw;
            }
        }
        return s.append("</svg>").toString();
    }
}
