package org.avpipeline.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The coverage chart: months on x, tickers on y; an area for tickers with complete financial data over a lighter
 * area for tickers with any row, a dashed line at the artifact's ticker count, labelled axes and ticks.
 */
final class CoverageChart {
    private CoverageChart() {}

    private static final int W = 1000;
    private static final int H = 340;
    private static final int L = 62;
    private static final int R = 30;
    private static final int T = 34;
    private static final int B = 54;
    private static final int PW = W - L - R;
    private static final int PH = H - T - B;

    static String svg(Coverage c) {
        List<MonthCoverage> m = c.months();
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart coverage\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"Tickers with complete financial data per month\">");
        if (m.isEmpty()) {
            noData(s);
            return s.append("</svg>").toString();
        }
        int maxPresent = m.stream().mapToInt(MonthCoverage::tickersPresent).max().orElse(0);
        double[] yTicks = ticks(Math.max(1, Math.max(c.totalTickers(), maxPresent)));
        double yMax = yTicks[yTicks.length - 1];
        axes(s, m, yTicks, yMax);
        if (c.totalTickers() > 0) {
            tickerCount(s, c.totalTickers(), yMax);
        }
        if (m.size() == 1) {
            singleMonth(s, m.get(0), yMax);
        } else {
            areas(s, m, yMax);
            lastMonthBadge(s, m, yMax);
        }
        hoverTargets(s, m);
        legend(s);
        return s.append("</svg>").toString();
    }

    /** The empty plot with its note, for a run that wrote no artifact rows. */
    private static void noData(StringBuilder s) {
        s.append("<rect x=\"").append(L).append("\" y=\"").append(T).append("\" width=\"").append(PW)
                .append("\" height=\"").append(PH).append("\" rx=\"8\" fill=\"#fafbfd\" stroke=\"")
                .append(Palette.GRID).append("\" stroke-dasharray=\"6 5\"/>");
        FunnelChart.text(s, L + PW / 2.0, T + PH / 2.0, "middle", 15, Palette.MUTED, "500",
                "No coverage data: the run wrote no artifact rows");
    }

    /** The grid and y axis, the x ticks and both axis titles. */
    private static void axes(StringBuilder s, List<MonthCoverage> m, double[] yTicks, double yMax) {
        for (double t : yTicks) {
            double y = y(t, yMax);
            s.append("<line x1=\"").append(L).append("\" x2=\"").append(L + PW).append("\" y1=\"")
                    .append(Format.px(y)).append("\" y2=\"").append(Format.px(y)).append("\" stroke=\"")
                    .append(t == 0 ? "#c3cad6" : Palette.GRID).append("\" stroke-width=\"1\"/>");
            FunnelChart.text(s, L - 10, y + 4, "end", 12, Palette.MUTED, "500", Format.count((long) t));
        }
        for (int[] tick : xTicks(m)) {
            double x = x(tick[0], m.size());
            s.append("<line x1=\"").append(Format.px(x)).append("\" x2=\"").append(Format.px(x)).append("\" y1=\"")
                    .append(T).append("\" y2=\"").append(T + PH + 5).append("\" stroke=\"").append(Palette.GRID)
                    .append("\" stroke-width=\"1\"/>");
            FunnelChart.text(s, x, T + PH + 20, "middle", 12, Palette.MUTED, "500", xLabel(m, tick));
        }
        FunnelChart.text(s, L + PW / 2.0, H - 8, "middle", 12.5, Palette.MUTED, "600", "Month");
        s.append("<text transform=\"translate(16 ").append(T + PH / 2).append(") rotate(-90)\" text-anchor=\"middle\" ")
                .append("font-size=\"12.5\" font-weight=\"600\" fill=\"").append(Palette.MUTED)
                .append("\">Tickers</text>");
    }

    /** The dashed line at the artifact's ticker count. */
    private static void tickerCount(StringBuilder s, int totalTickers, double yMax) {
        double y = y(totalTickers, yMax);
        s.append("<line x1=\"").append(L).append("\" x2=\"").append(L + PW).append("\" y1=\"").append(Format.px(y))
                .append("\" y2=\"").append(Format.px(y)).append("\" stroke=\"").append(Palette.FAINT)
                .append("\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>");
        FunnelChart.text(s, L + PW - 4, y - 6, "end", 11.5, Palette.MUTED, "600",
                Format.counted(totalTickers, "ticker", "tickers") + " in the artifact");
    }

    /** One month: two bars (with rows, complete) and their label. */
    private static void singleMonth(StringBuilder s, MonthCoverage only, double yMax) {
        double x = x(0, 1);
        double bw = 36;
        rect(s, x - bw / 2, y(only.tickersPresent(), yMax), bw, y(0, yMax) - y(only.tickersPresent(), yMax),
                Palette.ACCENT_SOFT);
        rect(s, x - bw / 2, y(only.tickersComplete(), yMax), bw, y(0, yMax) - y(only.tickersComplete(), yMax),
                Palette.ACCENT);
        FunnelChart.text(s, x + bw / 2 + 8, y(only.tickersComplete(), yMax) + 5, "start", 13, Palette.INK, "700",
                only.tickersComplete() + " of " + only.tickersPresent() + " complete");
    }

    /** The two areas with their lines: tickers with rows, tickers with complete data. */
    private static void areas(StringBuilder s, List<MonthCoverage> m, double yMax) {
        s.append("<path d=\"").append(area(m, yMax, true)).append("\" fill=\"").append(Palette.ACCENT_SOFT)
                .append("\"/>");
        s.append("<path d=\"").append(line(m, yMax, true)).append("\" fill=\"none\" stroke=\"")
                .append(Palette.ACCENT_LIGHT).append("\" stroke-width=\"1.5\"/>");
        s.append("<path d=\"").append(area(m, yMax, false)).append("\" fill=\"").append(Palette.ACCENT)
                .append("\" fill-opacity=\"0.2\"/>");
        s.append("<path d=\"").append(line(m, yMax, false)).append("\" fill=\"none\" stroke=\"")
                .append(Palette.ACCENT).append("\" stroke-width=\"2.4\" stroke-linejoin=\"round\"/>");
    }

    /** The last month's point and its badge, below the line wherever the badge spans it. */
    private static void lastMonthBadge(StringBuilder s, List<MonthCoverage> m, double yMax) {
        MonthCoverage last = m.get(m.size() - 1);
        double lx = x(m.size() - 1, m.size());
        double ly = y(last.tickersComplete(), yMax);
        s.append("<circle cx=\"").append(Format.px(lx)).append("\" cy=\"").append(Format.px(ly))
                .append("\" r=\"4.5\" fill=\"#fff\" stroke=\"").append(Palette.ACCENT)
                .append("\" stroke-width=\"2.4\"/>");
        String label = last.tickersComplete() + " of " + last.tickersPresent() + " in " + monthName(last.month());
        double bw = label.length() * 7.6 + 18;
        double bx = lx - 14 - bw;
        int lowest = last.tickersComplete();
        for (int i = 0; i < m.size(); i++) {
            double xi = x(i, m.size());
            if (xi >= bx - 4 && xi <= lx) {
                lowest = Math.min(lowest, m.get(i).tickersComplete());
            }
        }
        double by = Math.min(y(lowest, yMax) + 12, T + PH - 30);
        s.append("<rect x=\"").append(Format.px(bx)).append("\" y=\"").append(Format.px(by)).append("\" width=\"")
                .append(Format.px(bw)).append("\" height=\"24\" rx=\"6\" fill=\"#fff\" stroke=\"")
                .append(Palette.ACCENT).append("\" stroke-width=\"1.2\"/>");
        FunnelChart.text(s, bx + bw / 2, by + 16.5, "middle", 13, Palette.INK, "700", label);
    }

    /** Hover targets, one per month. */
    private static void hoverTargets(StringBuilder s, List<MonthCoverage> m) {
        double step = m.size() == 1 ? PW : PW / (double) (m.size() - 1);
        for (int i = 0; i < m.size(); i++) {
            MonthCoverage mc = m.get(i);
            double x = x(i, m.size());
            s.append("<rect class=\"hover\" x=\"").append(Format.px(Math.max(L, x - step / 2))).append("\" y=\"")
                    .append(T).append("\" width=\"").append(Format.px(Math.min(step, PW))).append("\" height=\"")
                    .append(PH).append("\" fill=\"transparent\"><title>").append(mc.month()).append(": ")
                    .append(mc.tickersComplete()).append(" complete of ").append(mc.tickersPresent())
                    .append(" with rows</title></rect>");
        }
    }

    private static void legend(StringBuilder s) {
        int x = L + 12;
        int y = 14;
        s.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"14\" height=\"10\" rx=\"2\" fill=\"")
                .append(Palette.ACCENT).append("\"/>");
        FunnelChart.text(s, x + 20, y, "start", 12.5, Palette.INK, "500", "with complete financial data");
        x += 230;
        s.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"14\" height=\"10\" rx=\"2\" fill=\"")
                .append(Palette.ACCENT_SOFT).append("\" stroke=\"").append(Palette.ACCENT_LIGHT).append("\"/>");
        FunnelChart.text(s, x + 20, y, "start", 12.5, Palette.INK, "500", "with rows (priced)");
    }

    private static void rect(StringBuilder s, double x, double y, double w, double h, String fill) {
        s.append("<rect x=\"").append(Format.px(x)).append("\" y=\"").append(Format.px(y)).append("\" width=\"")
                .append(Format.px(w)).append("\" height=\"").append(Format.px(Math.max(0, h))).append("\" rx=\"3\" fill=\"")
                .append(fill).append("\"/>");
    }

    private static String line(List<MonthCoverage> m, double yMax, boolean present) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            int v = present ? m.get(i).tickersPresent() : m.get(i).tickersComplete();
            d.append(i == 0 ? 'M' : 'L').append(Format.px(x(i, m.size()))).append(',').append(Format.px(y(v, yMax)));
        }
        return d.toString();
    }

    private static String area(List<MonthCoverage> m, double yMax, boolean present) {
        return line(m, yMax, present) + "L" + Format.px(x(m.size() - 1, m.size())) + "," + Format.px(y(0, yMax))
                + "L" + Format.px(x(0, m.size())) + "," + Format.px(y(0, yMax)) + "Z";
    }

    private static double x(int i, int n) {
        return n <= 1 ? L + PW / 2.0 : L + PW * i / (double) (n - 1);
    }

    private static double y(double v, double yMax) {
        return T + PH - PH * v / yMax;
    }

    /** 0 and about five round steps up to at least {@code max}. */
    static double[] ticks(double max) {
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= raw) {
                step = f * mag;
                break;
            }
        }
        step = Math.max(1, Math.round(step));
        int n = (int) Math.ceil(max / step);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    /** Ticks as {month index, kind}: kind 0 = a year label, 1 = a month label. */
    static List<int[]> xTicks(List<MonthCoverage> m) {
        List<int[]> out = new ArrayList<>();
        int n = m.size();
        if (n == 1) {
            out.add(new int[] {0, 1});
            return out;
        }
        if (n >= 24) {
            int years = n / 12;
            int step = years <= 10 ? 1 : years <= 20 ? 2 : years <= 50 ? 5 : 10;
            for (int i = 0; i < n; i++) {
                YearMonth ym = m.get(i).month();
                if (ym.getMonthValue() == 1 && ym.getYear() % step == 0) {
                    out.add(new int[] {i, 0});
                }
            }
            return out;
        }
        int step = n <= 8 ? 1 : n <= 16 ? 2 : 3;
        for (int i = 0; i < n; i += step) {
            out.add(new int[] {i, 1});
        }
        return out;
    }

    private static String xLabel(List<MonthCoverage> m, int[] tick) {
        YearMonth ym = m.get(tick[0]).month();
        return tick[1] == 0 ? String.valueOf(ym.getYear()) : monthName(ym);
    }

    static String monthName(YearMonth ym) {
        return ym.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + ym.getYear();
    }
}
