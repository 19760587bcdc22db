package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.artifact.ArtifactReader;
import org.avpipeline.artifact.RowQuery;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.fetch.RefreshDecision;
import org.avpipeline.fetch.RefreshReason;
import org.avpipeline.fetch.TickerRefresh;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.report.RunMode;
import org.avpipeline.simulator.MarketTimeline;
import org.avpipeline.simulator.SimulatedMarket;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly refresh's proof: a quarter of weekly runs (13, as-of dates 7 days apart, through the first-quarter
 * earnings season and a 10:1 split) into one data directory build the same artifact, row for row and value for
 * value, as a full {@code --refresh} run into a fresh directory each week, with far fewer calls. And a ticker the
 * calendar misses is still caught.
 */
class WeeklyRefreshTest {
    static final LocalDate FIRST_WEEK = LocalDate.of(2024, 4, 1);
    static final int WEEKS = 13;
    /** The first six tickers: splits (NVLT 10:1 on 2024-06-10), a missing quarter, a short history, spikes. */
    static final int TICKERS = 6;
    static final LocalDate START = LocalDate.of(2019, 12, 31);

    @TempDir
    Path dir;

    private static SimulatedMarket market() {
        // without restatements: a restated quarter is fetched by the statement age (90 days), so with them the weekly
        // store lags a fresh full fetch by design; the restatements' own path is VintagesTest's and the simulator's
        return SimulatedMarket.create(SimulatorConfig.DEFAULT_SEED, SimulatedMarket.DEFAULT_ETF, TICKERS,
                FIRST_WEEK.plusWeeks(WEEKS).plusDays(120)).withoutRestatements();
    }

    @Test
    void weeklyRunsBuildTheFullRunsArtifactWithAFractionOfTheCalls() throws Exception {
        SimulatedMarket market = market();
        Set<RefreshReason> seen = EnumSet.noneOf(RefreshReason.class);
        long weeklyCalls = 0;
        long fullCalls = 0;
        try (SimulatorServer server = SimulatorServer.start(MarketTimeline.of(market), SimulatorConfig.defaults())) {
            Path weekly = dir.resolve("weekly");
            run(server, market, FIRST_WEEK.minusWeeks(1), weekly, false);
            for (int w = 0; w < WEEKS; w++) {
                LocalDate day = FIRST_WEEK.plusWeeks(w);
                Pipeline.Outcome incremental = run(server, market, day, weekly, false);
                Pipeline.Outcome full = run(server, market, day, dir.resolve("full-" + w), true);
                assertEquals(rowDigests(full.artifact()), rowDigests(currentAnswersOnly(market, weekly, day)),
                        "week " + (w + 1) + " (" + day + "): the weekly store's answers build another artifact than"
                                + " the full run's");
                weeklyCalls += incremental.fetch().requests();
                fullCalls += full.fetch().requests();
                for (TickerRefresh t : incremental.fetch().refresh()) {
                    t.decisions().forEach(d -> seen.add(d.reason()));
                }
                assertTrue(incremental.manifest().refresh() != null
                        && incremental.manifest().refresh().tickers().size() == TICKERS,
                        "every ticker's decision is in the manifest");
            }
        }
        assertTrue(seen.containsAll(EnumSet.of(RefreshReason.EVERY_RUN, RefreshReason.REPORTED,
                RefreshReason.QUARTER_MISSING, RefreshReason.SPLIT, RefreshReason.WAITING, RefreshReason.UNCHANGED)),
                "the quarter exercises every rule: " + seen);
        // a full run asks for the six data types and the company's OVERVIEW (the companion files are on by default)
        assertEquals(7L * TICKERS * WEEKS, fullCalls);
        assertTrue(weeklyCalls < fullCalls * 0.4, weeklyCalls + " of " + fullCalls + " calls");
    }

    @Test
    void aTickerTheCalendarMissesIsStillCaught() throws Exception {
        SimulatedMarket market = market();
        MarketTimeline all = MarketTimeline.of(market);
        LocalDate last = FIRST_WEEK.plusWeeks(WEEKS - 1);
        String missed = market.tickers().stream()
                .filter(t -> !all.reportDates(t, FIRST_WEEK, last.minusWeeks(2)).isEmpty()).findFirst().orElseThrow();
        LocalDate reported = all.reportDates(missed, FIRST_WEEK, last.minusWeeks(2)).get(0);
        MarketTimeline timeline = new MarketTimeline(market, Set.of(missed));
        List<RefreshDecision> decisions = new ArrayList<>();
        try (SimulatorServer server = SimulatorServer.start(timeline, SimulatorConfig.defaults())) {
            Path weekly = dir.resolve("weekly");
            fetch(server, FIRST_WEEK.minusWeeks(1), weekly, market.tickers());
            for (int w = 0; w < WEEKS - 1; w++) {
                fetch(server, FIRST_WEEK.plusWeeks(w), weekly, market.tickers()).refresh().stream()
                        .filter(t -> t.ticker().equals(missed))
                        .forEach(t -> decisions.add(t.decision(AvFunction.EARNINGS)));
            }
            run(server, market, last, weekly, false);
            assertFalse(decisions.isEmpty());
            assertTrue(decisions.stream().anyMatch(d -> d.reason() == RefreshReason.PREDICTED),
                    "the earnings history predicted the report: " + decisions);
            List<EarningsReport> stored = AnswerParsers.parseEarnings(new LocalRawStore(weekly)
                    .read(RawKey.of(missed, AvFunction.EARNINGS)).orElseThrow().body());
            assertTrue(stored.stream().anyMatch(r -> reported.equals(r.reportedDate())),
                    missed + "'s report of " + reported + " was fetched");
            Pipeline.Outcome full = run(server, market, last, dir.resolve("full"), true);
            assertEquals(rowDigests(full.artifact()), rowDigests(currentAnswersOnly(market, weekly, last)));
        }
    }

    /** One run of the pipeline on {@code day}, against the simulator as it was that day. */
    static Pipeline.Outcome run(SimulatorServer server, SimulatedMarket market, LocalDate day, Path dataDir,
            boolean refresh) throws Exception {
        Clock clock = Clock.fixed(day.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Pipeline.Request request = new Pipeline.Request(market.etfSymbol(), market.tickers(), START, "test",
                URI.create(server.baseUrl() + "?asof=" + day), 1_000_000,
                new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, refresh, 4), new LocalRawStore(dataDir),
                Pipeline.artifactPath(dataDir, day), null, RunMode.LOCAL, 2, false);
        return new Pipeline(clock).run(request);
    }

    /**
     * The artifact built from the weekly store's current answers alone (a copy without its kept vintages): what a full
     * run fetches on the same day. The weekly run's own artifact is point in time (pipeline.md §8a): its store kept
     * the answers of the weeks before, so a restated quarter, or a quarter fetched a week after its report, shows
     * the values as they stood on each day, which a fresh store cannot know.
     */
    static Path currentAnswersOnly(SimulatedMarket market, Path weekly, LocalDate day) throws Exception {
        Path copy = weekly.resolveSibling(weekly.getFileName() + "-current-" + day);
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(weekly.resolve("raw"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = weekly.relativize(f);
                if (rel.toString().contains("_vintages")) {
                    continue;
                }
                Path target = copy.resolve(rel);
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(f, target);
                }
            }
        }
        Path out = copy.resolve("current.parquet");
        ArtifactBuild.run(market.tickers().stream().sorted().toList(), new LocalRawStore(copy),
                org.avpipeline.panel.BuildParameters.of(START), out,
                new org.avpipeline.artifact.ArtifactMetadata("test", "current", market.etfSymbol(), START,
                        day.atTime(6, 0).toInstant(ZoneOffset.UTC)),
                2, BuildProgress.silent(), false);
        return out;
    }

    /** The fetch alone of a weekly run on {@code day}. */
    static FetchSummary fetch(SimulatorServer server, LocalDate day, Path dataDir, List<String> tickers)
            throws Exception {
        Clock clock = Clock.fixed(day.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        AlphaVantageClient client = AlphaVantageClient.builder("test")
                .baseUrl(URI.create(server.baseUrl() + "?asof=" + day)).rateLimitPerMinute(1_000_000).build();
        return new Fetcher(client, new LocalRawStore(dataDir), new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, false, 4),
                FetchProgress.silent(), clock).fetchTickers(tickers);
    }

    /** A digest of each ticker's rows, every column's value in order (the footer's metadata is not read). */
    static Map<String, String> rowDigests(Path artifact) throws Exception {
        Map<String, MessageDigest> byTicker = new TreeMap<>();
        {
            ArtifactReader reader = ArtifactReader.open(artifact);
            int ticker = reader.columnNames().indexOf("ticker");
            reader.scan(RowQuery.all(), row -> {
                MessageDigest md = byTicker.computeIfAbsent(String.valueOf(row.get(ticker)), k -> sha256());
                md.update(row.toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            });
        }
        Map<String, String> out = new TreeMap<>();
        byTicker.forEach((t, md) -> out.put(t, HexFormat.of().formatHex(md.digest())));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
