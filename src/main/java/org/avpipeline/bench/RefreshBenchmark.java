package org.avpipeline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.fetch.RefreshReason;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.simulator.MarketTimeline;
import org.avpipeline.simulator.SimulatedMarket;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;

/**
 * The weekly-refresh benchmark: a simulated market travelled through week by week (one simulator, an as-of date per
 * request), a store filled by a full fetch the week before, then {@code weeks} weekly fetches into it as the weekly
 * run makes them, each counted against the full fetch's calls (six per ticker, what {@code --refresh} sends).
 */
public final class RefreshBenchmark {
    private RefreshBenchmark() {}

    /** One weekly run: its day, its calls and how many answers each reason covered. */
    public record Week(LocalDate day, long calls, long fullCalls, Map<RefreshReason, Integer> byReason) {
        public double share() {
            return fullCalls == 0 ? 0 : (double) calls / fullCalls;
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param tickers the market's constituents (fetched as an explicit list)
     * @param firstWeek the day of the first weekly run (the store is filled 7 days before)
     * @param weeks weekly runs
     * @param seed the market's seed
     */
    public static List<Week> run(int tickers, LocalDate firstWeek, int weeks, long seed)
            throws IOException, InterruptedException {
        LocalDate last = firstWeek.plusWeeks(weeks - 1);
        SimulatedMarket market = SimulatedMarket.create(seed, SimulatedMarket.DEFAULT_ETF, tickers,
                last.plusDays(120));
        Path dir = Files.createTempDirectory("avpipeline-bench-refresh-");
        List<Week> out = new ArrayList<>();
        try (SimulatorServer server = SimulatorServer.start(MarketTimeline.of(market), SimulatorConfig.defaults())) {
            LocalRawStore store = new LocalRawStore(dir);
            fetch(server, store, firstWeek.minusWeeks(1), market.tickers());
            for (int w = 0; w < weeks; w++) {
                LocalDate day = firstWeek.plusWeeks(w);
                FetchSummary s = fetch(server, store, day, market.tickers());
                out.add(new Week(day, s.requests(), (long) AvFunction.PER_TICKER.size() * tickers,
                        s.answersByRefreshReason()));
            }
        } finally {
            Directories.deleteRecursively(dir);
        }
        return out;
    }

    /** The Mondays of the quarter that holds the first-quarter earnings season: from 2024-04-01, 13 weeks. */
    public static LocalDate defaultFirstWeek() {
        return LocalDate.of(2024, 4, 1).with(DayOfWeek.MONDAY);
    }

    private static FetchSummary fetch(SimulatorServer server, LocalRawStore store, LocalDate day,
            List<String> tickers) throws InterruptedException {
        AlphaVantageClient client = AlphaVantageClient.builder("bench")
                .baseUrl(URI.create(server.baseUrl() + "?asof=" + day))
                .rateLimitPerMinute(1_000_000)
                .build();
        Clock clock = Clock.fixed(day.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Fetcher fetcher = new Fetcher(client, store, FetchPolicy.defaults(600), FetchProgress.silent(), clock);
        return fetcher.fetchTickers(tickers);
    }

    /** The table and the summary lines, at {@code ratePerMinute} for the wall time. */
    public static String format(List<Week> weeks, int ratePerMinute) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(java.util.Locale.ROOT, "%-4s %-10s %6s %6s %6s  %s%n", "week", "day", "calls", "full",
                "share", "answers by reason"));
        long calls = 0;
        long full = 0;
        Week worst = weeks.get(0);
        for (int i = 0; i < weeks.size(); i++) {
            Week w = weeks.get(i);
            calls += w.calls();
            full += w.fullCalls();
            if (w.share() > worst.share()) {
                worst = w;
            }
            s.append(String.format(java.util.Locale.ROOT, "%-4d %-10s %6d %6d %5.1f%%  %s%n", i + 1, w.day(),
                    w.calls(), w.fullCalls(), 100 * w.share(), w.byReason()));
        }
        double mean = weeks.stream().mapToDouble(Week::share).average().orElse(0);
        double savedMinutes = (full - calls) / (double) ratePerMinute / weeks.size();
        s.append(String.format(java.util.Locale.ROOT, "mean share %.1f%% (target <= 25%%), worst week %s %.1f%% "
                + "(target <= 40%%; the earnings season)%n", 100 * mean, worst.day(), 100 * worst.share()));
        s.append(String.format(java.util.Locale.ROOT, "calls %d of %d over %d weeks; at %d requests/min a week "
                + "takes %.1f instead of %.1f minutes on average (%.1f minutes saved)%n", calls, full, weeks.size(),
                ratePerMinute, calls / (double) ratePerMinute / weeks.size(),
                full / (double) ratePerMinute / weeks.size(), savedMinutes));
        return s.toString();
    }
}
