package org.avpipeline.run;

import java.nio.file.Path;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactStats;
import org.avpipeline.artifact.ArtifactWriter;
import org.avpipeline.artifact.CompanionWriters;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.TickerFacts;
import org.avpipeline.panel.UniverseBuild;
import org.avpipeline.raw.RawStore;
import org.avpipeline.report.ArtifactFacts;
import org.avpipeline.report.Coverage;
import org.avpipeline.report.CoverageCounter;
import org.avpipeline.report.TickerContents;

/**
 * Builds the artifact from the raw store: the universe's tickers in parallel, each finished ticker streamed in ticker
 * order into the Parquet writer (memory bounded by a few tickers), the coverage counted on the way. The file appears
 * at {@code out} only when complete; a failed build leaves any previous file there untouched. The companion files
 * (artifact.md, "Companion artifacts") are written beside it the same way, from the same per-ticker builds.
 */
public final class ArtifactBuild {
    private ArtifactBuild() {}

    /**
     * What a build produced.
     *
     * @param companions the companion files written beside the artifact, in the order of
     *     {@link CompanionSchemas#ALL}; empty when they were turned off
     * @param damaged the stored answers that could not be used (each costs its ticker that data type only)
     * @param usableDataTypes the data types each ticker was built from
     */
    public record Result(BuildSummary summary, ArtifactStats stats, Coverage coverage, ArtifactFacts facts,
            List<ArtifactStats> companions, List<DamagedAnswer> damaged,
            java.util.Map<String, java.util.Set<AvFunction>> usableDataTypes) {
        public Result {
            companions = companions == null ? List.of() : List.copyOf(companions);
            damaged = damaged == null ? List.of() : List.copyOf(damaged);
            usableDataTypes = usableDataTypes == null ? java.util.Map.of() : java.util.Map.copyOf(usableDataTypes);
        }

        /** Without companions and without damaged answers. */
        public Result(BuildSummary summary, ArtifactStats stats, Coverage coverage, ArtifactFacts facts) {
            this(summary, stats, coverage, facts, List.of(), List.of(), java.util.Map.of());
        }

        /** Without companions. */
        public Result(BuildSummary summary, ArtifactStats stats, Coverage coverage, ArtifactFacts facts,
                List<DamagedAnswer> damaged, java.util.Map<String, java.util.Set<AvFunction>> usableDataTypes) {
            this(summary, stats, coverage, facts, List.of(), damaged, usableDataTypes);
        }

        /** The artifact's tickers with their rows and data types, in ticker order (the next run's baseline). */
        public List<TickerContents> contents() {
            List<TickerContents> out = new java.util.ArrayList<>();
            for (TickerFacts t : summary.facts()) {
                if (!t.inArtifact()) {
                    continue;
                }
                java.util.Set<AvFunction> types = usableDataTypes.getOrDefault(t.ticker(), java.util.Set.of());
                List<String> names = AvFunction.PER_TICKER.stream().filter(types::contains).map(Enum::name).toList();
                out.add(new TickerContents(t.ticker(), t.panelRows(), names));
            }
            out.sort(java.util.Comparator.comparing(TickerContents::ticker));
            return out;
        }
    }

    /** Thrown when no ticker has a price row on or after the start date: there is nothing to write. */
    public static final class NothingToWriteException extends Exception {
        private final transient List<DamagedAnswer> damaged;

        NothingToWriteException(String message, List<DamagedAnswer> damaged) {
            super(message);
            this.damaged = List.copyOf(damaged);
        }

        /** The stored answers the build could not use (often why no ticker has prices: e.g. missing metadata). */
        public List<DamagedAnswer> damaged() {
            return damaged;
        }
    }

    /** With the companion files beside the artifact (the default). */
    public static Result run(List<String> tickers, RawStore store, BuildParameters params, Path out,
            ArtifactMetadata meta, int threads, BuildProgress progress) throws Exception {
        return run(tickers, store, params, out, meta, threads, progress, true);
    }

    /**
     * @param companions whether to write the companion files ({@link CompanionSchemas#ALL}) beside {@code out}, from
     *     the same per-ticker builds, each committed only when the whole build succeeded
     */
    public static Result run(List<String> tickers, RawStore store, BuildParameters params, Path out,
            ArtifactMetadata meta, int threads, BuildProgress progress, boolean companions) throws Exception {
        return run(tickers, store, params, out, meta, threads, progress, companions, false, result -> true);
    }

    /**
     * @param verified whether every stored answer is verified as the fetch verifies it ({@link RawTickerLoader}):
     *     for {@code build}, which reads a store no fetch has just checked
     * @param publish asked with the finished build before anything is placed: false leaves nothing at {@code out}
     *     and beside it (the files are abandoned, any earlier ones stay), e.g. for a degraded build
     */
    public static Result run(List<String> tickers, RawStore store, BuildParameters params, Path out,
            ArtifactMetadata runMeta, int threads, BuildProgress progress, boolean companions, boolean verified,
            java.util.function.Predicate<Result> publish) throws Exception {
        ArtifactMetadata meta = runMeta.withCleaning(params.mode().label()); // the footer names the mode built in
        CoverageCounter coverage = new CoverageCounter();
        progress.start(tickers.size());
        try (ArtifactWriter writer = ArtifactWriter.open(out, meta);
                CompanionWriters beside = companions ? CompanionWriters.open(out.toAbsolutePath(), meta)
                        : null) {
            RawTickerLoader loader = new RawTickerLoader(store, verified);
            BuildSummary summary = new UniverseBuild(params.withCompanions(companions), threads).run(tickers, loader,
                    result -> {
                        int rows = 0;
                        if (result.panel() != null) {
                            writer.write(result.panel());
                            coverage.add(result.panel());
                            rows = result.panel().rows();
                        }
                        if (beside != null) {
                            beside.write(result.companions().quarters(), result.companions().prices(),
                                    result.companions().profile(), result.companions().restatements());
                        }
                        progress.tickerDone(rows);
                    });
            progress.finish();
            if (summary.inArtifact() == 0) {
                throw new NothingToWriteException("no ticker of the " + tickers.size()
                        + " has price data on or after " + params.startDate() + ": no artifact written"
                        + (summary.failed().isEmpty() ? "" : " (" + summary.failed().size() + " unreadable)")
                        + (loader.damaged().isEmpty() ? "" : "; " + loader.damaged().size()
                                + " stored answers could not be used"), loader.damaged());
            }
            // The companions finish on their thread while the panel finishes on this one and the column threads (the
            // encoding of each file's last rows keeps both processors busy); then all are placed, companions first.
            if (beside != null) {
                beside.startFinishing();
            }
            ArtifactStats stats = writer.finish();
            List<ArtifactStats> written = List.of();
            if (beside != null) {
                written = beside.awaitFinished();
            }
            Result result = new Result(summary, stats, coverage.coverage(), coverage.artifactFacts(stats.bytes()),
                    written, loader.damaged(), loader.usable());
            if (publish.test(result)) {
                if (beside != null) {
                    beside.place();
                }
                writer.place();
            }
            return result;
        }
    }

    /** Threads for the build: the machine's processors. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
