package org.avpipeline.alphavantage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** One day of TIME_SERIES_DAILY_ADJUSTED. Missing numbers are NaN. */
public record DailyBar(LocalDate date, double open, double high, double low, double close, double adjustedClose,
        double volume, double dividendAmount, double splitCoefficient) {

    /**
     * The price days' rule (pipeline.md §2): bars ascending by date, the first in the given order kept where a date
     * repeats, bars without a date dropped. The list itself when it already is so; Alpha Vantage's answer, newest
     * first, reversed in one pass.
     */
    public static List<DailyBar> ascendingFirstOfEachDate(List<DailyBar> bars) {
        if (isStrictlyAscending(bars)) {
            return bars;
        }
        List<DailyBar> out = new ArrayList<>(bars);
        Collections.reverse(out);
        if (isStrictlyAscending(out)) {
            return out;
        }
        List<DailyBar> sorted = new ArrayList<>(bars.size());
        for (DailyBar b : bars) {
            if (b.date() != null) {
                sorted.add(b);
            }
        }
        sorted.sort(Comparator.comparing(DailyBar::date)); // stable: among equal dates the first given comes first
        out.clear();
        for (DailyBar b : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).date().equals(b.date())) {
                out.add(b);
            }
        }
        return out;
    }

    private static boolean isStrictlyAscending(List<DailyBar> bars) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).date() == null || i > 0 && !bars.get(i - 1).date().isBefore(bars.get(i).date())) {
                return false;
            }
        }
        return true;
    }
}
