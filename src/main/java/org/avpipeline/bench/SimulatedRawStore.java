package org.avpipeline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AnswerClassifier;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.Sha256;
import org.avpipeline.simulator.MarketTimeline;
import org.avpipeline.simulator.SimulatedMarket;

/**
 * A raw store filled straight from a {@link SimulatedMarket} (no HTTP): the ETF's profile and the six answers of every
 * constituent, and its OVERVIEW where that is data (a fund answers {@code {}}, which a fetch does not store), each written through {@link LocalRawStore#write} with the metadata a fetch would give it. A marker
 * file names the market the store holds, so a store that already holds it is used as it is.
 */
public final class SimulatedRawStore {
    static final String MARKER = "bench-market.txt";
    private static final URI SIMULATOR_URL = URI.create("http://127.0.0.1/query");

    private SimulatedRawStore() {}

    /** How the store was made ready: filled now (and how long that took) or reused. */
    public record Fill(boolean reused, long answers, java.time.Duration took) {}

    /** The line that identifies a market's contents. */
    static String describe(SimulatedMarket market) {
        return "seed=" + market.seed() + " etf=" + market.etfSymbol() + " tickers=" + market.tickers().size()
                + " asOf=" + market.asOf() + " overviews";
    }

    /** The store under {@code dataDir}, filled with the market unless it already holds exactly that market. */
    public static Fill ensure(Path dataDir, SimulatedMarket market, int threads, Clock clock)
            throws IOException, InterruptedException {
        return ensure(dataDir, market, threads, clock, 1);
    }

    /**
     * The same with {@code vintages} answers of each statement function per ticker (pipeline.md §8a): before the
     * current one, the answers the market gave 1, 2, ... {@code vintages - 1} weeks earlier (its time travel), each
     * first fetched that day; answers equal to the week after are told apart by trailing blanks, so every week is a
     * vintage of its own and most of them are equal in values (they differ where a quarter was reported).
     */
    public static Fill ensure(Path dataDir, SimulatedMarket market, int threads, Clock clock, int vintages)
            throws IOException, InterruptedException {
        Path marker = dataDir.resolve(MARKER);
        String wanted = describe(market) + (vintages > 1 ? " vintages=" + vintages + " values-digests" : "");
        MarketTimeline timeline = MarketTimeline.of(market);
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(wanted)) {
            return new Fill(true, 0, java.time.Duration.ZERO);
        }
        long start = System.nanoTime();
        Files.deleteIfExists(marker);
        Directories.deleteRecursively(dataDir.resolve("raw"));
        LocalRawStore store = new LocalRawStore(dataDir);
        AlphaVantageClient describer = AlphaVantageClient.builder("bench").baseUrl(SIMULATOR_URL).build();
        RawKey profile = RawKey.etfProfile(market.etfSymbol());
        write(store, describer, clock, profile, market.answer(AvFunction.ETF_PROFILE, market.etfSymbol()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<?>> done = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong overviews = new java.util.concurrent.atomic.AtomicLong();
        try {
            for (String ticker : market.tickers()) {
                done.add(pool.submit(() -> {
                    for (int week = vintages - 1; week >= 1; week--) {
                        LocalDate view = market.asOf().minusWeeks(week);
                        Clock then = Clock.fixed(view.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
                        for (AvFunction f : AvFunction.PER_TICKER) {
                            if (RawKey.VINTAGED.contains(f)) {
                                byte[] body = timeline.answer(f, ticker, false, view);
                                write(store, describer, then, RawKey.of(ticker, f), withBlanks(body, week));
                            }
                        }
                    }
                    for (AvFunction f : AvFunction.PER_TICKER) {
                        write(store, describer, clock, RawKey.of(ticker, f), market.answer(f, ticker));
                    }
                    byte[] overview = market.answer(AvFunction.OVERVIEW, ticker);
                    if (AnswerClassifier.classifyBody(AvFunction.OVERVIEW, overview).kind() == AnswerKind.DATA) {
                        write(store, describer, clock, RawKey.of(ticker, AvFunction.OVERVIEW), overview);
                        overviews.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("filling the raw store failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(marker, wanted + "\n", StandardCharsets.UTF_8);
        return new Fill(false, 1 + (long) market.tickers().size() * AvFunction.PER_TICKER.size() + overviews.get(),
                java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    /** The answer followed by {@code n} blanks: the same values, another content. */
    private static byte[] withBlanks(byte[] body, int n) {
        byte[] out = java.util.Arrays.copyOf(body, body.length + n);
        java.util.Arrays.fill(out, body.length, out.length, (byte) ' ');
        return out;
    }

    private static void write(LocalRawStore store, AlphaVantageClient describer, Clock clock, RawKey key, byte[] body)
            throws IOException {
        AnswerMetadata meta = new AnswerMetadata(clock.instant(), describer.describeRequest(key.function(),
                key.symbol()), Sha256.hex(body));
        store.write(key, body, meta);
    }
}
