package org.avpipeline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.Version;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.CleaningMode;
import org.avpipeline.config.Settings;
import org.avpipeline.fetch.Universe;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.BuildProgress;
import org.avpipeline.run.Pipeline;
import org.avpipeline.simulator.SimulatedMarket;

/**
 * The build benchmark: a raw store of a simulated market (filled without HTTP, or reused), then the build exactly as
 * {@code avpipeline build} runs it ({@link ArtifactBuild#run}, the universe from the stored ETF profile), timed, with
 * the memory it took.
 */
public final class BuildBenchmark {
    private BuildBenchmark() {}

    /** The artifact's path under the benchmark's data directory. */
    public static Path artifactPath(Path dataDir) {
        return dataDir.resolve("bench-artifact").resolve(ArtifactSchema.FILE_NAME);
    }

    /** With the companion files, as {@code avpipeline build} writes them by default. */
    public static BuildBenchResult run(SimulatedMarket market, Path dataDir, int threads, BuildProgress progress)
            throws Exception {
        return run(market, dataDir, threads, progress, true);
    }

    /** @param companions whether the build writes the companion files beside the panel ({@code --no-companions}) */
    public static BuildBenchResult run(SimulatedMarket market, Path dataDir, int threads, BuildProgress progress, boolean companions)
            throws Exception {
        return run(market, dataDir, threads, progress, companions, CleaningMode.DEFAULT, 1);
    }

    /**
     * The same in a mode of statement values ({@code --cleaning}, pipeline.md §4).
     *
     * @param vintages answers per statement function and ticker, weekly ({@link SimulatedRawStore#ensure})
     */
    public static BuildBenchResult run(SimulatedMarket market, Path dataDir, int threads, BuildProgress progress,
            boolean companions, CleaningMode cleaning, int vintages) throws Exception {
        SimulatedRawStore.Fill fill = SimulatedRawStore.ensure(dataDir, market, threads, Clock.systemUTC(),
                vintages);
        LocalRawStore store = new LocalRawStore(dataDir);
        System.gc(); // the fill's garbage is not the build's
        boolean rssReset = ProcessMemory.resetPeaks();

        long cpuStart = ProcessMemory.processCpuNanos();
        long start = System.nanoTime();
        String etf = market.etfSymbol();
        List<EtfHolding> holdings = Pipeline.storedHoldings(store, etf)
                .orElseThrow(() -> new IOException("no stored ETF profile of " + etf + " in " + store.describe()));
        List<String> tickers = new ArrayList<>(Universe.fromHoldings(etf, holdings).tickers());
        tickers.sort(null);
        LocalDate startDate = Settings.DEFAULT_START_DATE;
        Instant now = Instant.now();
        ArtifactMetadata meta = new ArtifactMetadata(Version.get(), Pipeline.runId(now, etf), etf, startDate, now);
        ArtifactBuild.Result result = ArtifactBuild.run(tickers, store, BuildParameters.of(startDate, cleaning),
                artifactPath(dataDir).toAbsolutePath(), meta, threads, progress, companions);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofNanos(Math.max(0, ProcessMemory.processCpuNanos() - cpuStart));

        long companionBytes = result.companions().stream().mapToLong(c -> c.bytes()).sum();
        return new BuildBenchResult(tickers.size(), result.summary().inArtifact(), threads, result.stats().rows(),
                result.stats().bytes(), companionBytes, wall, cpu, ProcessMemory.now(), rssReset, fill);
    }
}
