package org.avpipeline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.simulator.FaultPlan;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;

/**
 * The fetch benchmark: the simulator in-process (the given latency and faults, no server-side rate limit), the real
 * client and {@link Fetcher} fetching its tickers into a fresh temporary raw store, timed.
 */
public final class FetchBenchmark {

    /**
     * @param tickers the simulated ETF's constituents
     * @param throughEtf fetch the ETF's profile first and then its holdings, instead of the constituents as a list
     * @param ratePerMinute the client's rate limit
     * @param latency added by the simulator to every answer
     * @param faults the simulator's faults
     * @param concurrency the fetch's threads
     */
    public record Settings(int tickers, boolean throughEtf, int ratePerMinute, Duration latency, FaultPlan faults,
            int concurrency) {
        public Settings {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(faults, "faults");
            if (tickers < 1 || ratePerMinute < 1 || concurrency < 1) {
                throw new IllegalArgumentException("tickers, rate and concurrency must be at least 1");
            }
        }
    }

    private FetchBenchmark() {}

    public static FetchBenchResult run(Settings s, FetchProgress progress) throws IOException, InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults().withTickers(s.tickers()).withLatency(s.latency())
                .withFaults(s.faults()).withAsOf(LocalDate.now(ZoneOffset.UTC));
        Path dir = Files.createTempDirectory("avpipeline-bench-fetch-");
        try (SimulatorServer simulator = SimulatorServer.start(config)) {
            AlphaVantageClient client = AlphaVantageClient.builder("bench")
                    .baseUrl(URI.create(simulator.baseUrl()))
                    .rateLimitPerMinute(s.ratePerMinute())
                    .build();
            LocalRawStore store = new LocalRawStore(dir);
            FetchPolicy policy = new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, true, s.concurrency());
            Fetcher fetcher = new Fetcher(client, store, policy, progress, Clock.systemUTC());
            List<String> tickers = simulator.market().tickers();
            long start = System.nanoTime();
            FetchSummary summary = s.throughEtf() ? fetcher.fetchEtf(config.etfSymbol())
                    : fetcher.fetchTickers(tickers);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            int failures = summary.failed();
            if (s.throughEtf()) { // the profile's unknown holding fails by design: not a failure of the fetch
                failures -= (int) summary.dataTypes().stream().flatMap(t -> t.failures().stream())
                        .filter(f -> f.ticker().equals(simulator.market().unknownSymbol())).count();
            }
            return new FetchBenchResult(tickers.size(), s.ratePerMinute(), summary.requests(), summary.retries(),
                    failures, everyDataTypeStored(store, tickers), wall);
        } finally {
            Directories.deleteRecursively(dir);
        }
    }

    /** Whether the store holds all six data types of every ticker. */
    static boolean everyDataTypeStored(LocalRawStore store, List<String> tickers) throws IOException {
        for (String ticker : tickers) {
            for (AvFunction f : AvFunction.PER_TICKER) {
                if (store.metadata(RawKey.of(ticker, f)).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }
}
