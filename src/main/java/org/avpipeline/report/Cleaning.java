package org.avpipeline.report;

import java.util.Comparator;
import java.util.List;

/**
 * Anomaly cleaning (pipeline.md §4) over the whole universe.
 *
 * @param repairs per statement and metric; metrics without repairs may be left out
 * @param mostAffected the tickers with the most repairs, most first (at most {@link #TOP})
 */
public record Cleaning(List<MetricRepairs> repairs, List<TickerRepairs> mostAffected) {
    /** How many most-affected tickers the manifest keeps. */
    public static final int TOP = 10;

    public Cleaning {
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
        mostAffected = mostAffected == null ? List.of() : List.copyOf(mostAffected);
    }

    /** Cleaning facts keeping the {@link #TOP} tickers with the most repairs (ties by ticker). */
    public static Cleaning of(List<MetricRepairs> repairs, List<TickerRepairs> perTicker) {
        List<TickerRepairs> top = perTicker.stream()
                .filter(t -> t.total() > 0)
                .sorted(Comparator.comparingInt(TickerRepairs::total).reversed()
                        .thenComparing(TickerRepairs::ticker))
                .limit(TOP)
                .toList();
        return new Cleaning(repairs, top);
    }

    public int stage1Total() {
        return repairs.stream().mapToInt(MetricRepairs::stage1).sum();
    }

    public int stage2Total() {
        return repairs.stream().mapToInt(MetricRepairs::stage2).sum();
    }
}
