package org.avpipeline.report;

import java.util.List;

/** The funnel as a horizontal bar chart: one bar per stage, the second part of a bar coloured, drops in red. */
final class FunnelChart {
    private FunnelChart() {}

    private static final int WIDTH = 1000;
    private static final int LABEL_RIGHT = 250;
    private static final int BAR_X = 262;
    private static final int BAR_W = 440;
    private static final int NOTE_X = 770;
    private static final int ROW = 50;
    private static final int BAR_H = 26;
    private static final int TOP = 6;

    static String svg(List<FunnelStage> stages) {
        int max = Math.max(1, stages.stream().mapToInt(FunnelStage::count).max().orElse(1));
        int height = TOP * 2 + stages.size() * ROW;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart funnel\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"Funnel from holdings to the artifact\">");
        for (int i = 0; i < stages.size(); i++) {
            FunnelStage st = stages.get(i);
            double y = TOP + i * ROW;
            double w = BAR_W * st.count() / (double) max;
            double main = BAR_W * (st.count() - st.secondary()) / (double) max;
            s.append("<g class=\"stage\"><title>").append(Html.esc(st.label() + ": " + Format.count(st.count())
                    + (st.countNote().isEmpty() ? "" : " (" + st.countNote() + ")")
                    + (st.dropped() > 0 ? ", " + st.dropped() + " dropped" : ""))).append("</title>");
            text(s, LABEL_RIGHT, y + 18, "end", 14, Palette.INK, "600", st.label());
            if (w > 0) {
                bar(s, BAR_X, y, w, i == stages.size() - 1 ? Palette.ACCENT : shade(i, stages.size()));
                if (st.secondary() > 0) {
                    String c = st.secondaryIsWarning() ? Palette.WARN : Palette.ACCENT_LIGHT;
                    s.append("<rect x=\"").append(Format.px(BAR_X + main)).append("\" y=\"").append(Format.px(y))
                            .append("\" width=\"").append(Format.px(w - main)).append("\" height=\"").append(BAR_H)
                            .append("\" fill=\"").append(c).append("\"/>");
                }
            }
            double lost = BAR_W * st.dropped() / (double) max;
            if (lost > 0) {
                s.append("<rect x=\"").append(Format.px(BAR_X + w)).append("\" y=\"").append(Format.px(y))
                        .append("\" width=\"").append(Format.px(lost)).append("\" height=\"").append(BAR_H)
                        .append("\" fill=\"").append(Palette.BAD).append("\" fill-opacity=\"0.28\"/>");
            }
            text(s, BAR_X + w + lost + 8, y + 18, "start", 14, Palette.INK, "700", Format.count(st.count()));
            if (!st.countNote().isEmpty()) {
                text(s, BAR_X, y + BAR_H + 14, "start", 11.5, st.secondaryIsWarning() ? "#b35c00" : Palette.MUTED,
                        "500", st.countNote());
            }
            if (st.dropped() > 0) {
                text(s, NOTE_X, y + 18, "start", 14, Palette.BAD, "700", "\u2212" + Format.count(st.dropped()));
                text(s, NOTE_X + 44, y + 18, "start", 12.5,
                        Palette.MUTED, "400", Html.shorten(st.dropNote(), 30));
            }
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** Bars darken from the top stage to the artifact. */
    private static String shade(int i, int n) {
        String[] ramp = {"#c5cff7", "#b3c0f4", "#9fb0f0", "#8a9fec", "#758ee7", "#5f7ce2", "#4c6bdd"};
        int k = n <= 1 ? ramp.length - 1 : (int) Math.round(i * (ramp.length - 1) / (double) (n - 1));
        return ramp[Math.min(ramp.length - 1, k)];
    }

    private static void bar(StringBuilder s, double x, double y, double w, String fill) {
        s.append("<rect x=\"").append(Format.px(x)).append("\" y=\"").append(Format.px(y)).append("\" width=\"")
                .append(Format.px(w)).append("\" height=\"").append(BAR_H).append("\" rx=\"5\" fill=\"").append(fill)
                .append("\"/>");
    }

    static void text(StringBuilder s, double x, double y, String anchor, double size, String fill, String weight,
            String text) {
        s.append("<text x=\"").append(Format.px(x)).append("\" y=\"").append(Format.px(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(Format.px(size))
                .append("\" font-weight=\"").append(weight).append("\" fill=\"").append(fill).append("\">")
                .append(Html.esc(text)).append("</text>");
    }
}
