package org.avpipeline.run;

import java.nio.file.Path;
import java.util.List;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactStats;
import org.avpipeline.artifact.ArtifactWriter;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.UniverseBuild;
import org.avpipeline.raw.RawStore;
import org.avpipeline.report.ArtifactFacts;
import org.avpipeline.report.Coverage;
import org.avpipeline.report.CoverageCounter;

/**
 * Builds the artifact from the raw store: the universe's tickers in parallel, each finished ticker streamed in ticker
 * order into the Parquet writer (memory bounded by a few tickers), the coverage counted on the way. The file appears
 * at {@code out} only when complete; a failed build leaves any previous file there untouched.
 */
public final class ArtifactBuild {
    private ArtifactBuild() {}

    /**
     * What a build produced; {@code damaged} lists the stored answers that could not be used (each costs its ticker
     * that data type only).
     */
    public record Result(BuildSummary summary, ArtifactStats stats, Coverage coverage, ArtifactFacts facts,
            List<DamagedAnswer> damaged) {
        public Result {
            damaged = damaged == null ? List.of() : List.copyOf(damaged);
        }
    }

    /** Thrown when no ticker has a price row on or after the start date: there is nothing to write. */
    public static final class NothingToWriteException extends Exception {
        NothingToWriteException(String message) {
            super(message);
        }
    }

    public static Result run(List<String> tickers, RawStore store, BuildParameters params, Path out,
            ArtifactMetadata meta, int threads, BuildProgress progress) throws Exception {
        CoverageCounter coverage = new CoverageCounter();
        progress.start(tickers.size());
        try (ArtifactWriter writer = ArtifactWriter.open(out, meta)) {
            RawTickerLoader loader = new RawTickerLoader(store);
            BuildSummary summary = new UniverseBuild(params, threads).run(tickers, loader,
                    result -> {
                        if (result.panel() != null) {
                            writer.write(result.panel());
                            coverage.add(result.panel());
                        }
                        progress.tickerDone(result.panel() == null ? 0 : result.panel().rows());
                    });
            progress.finish();
            if (summary.inArtifact() == 0) {
                throw new NothingToWriteException("no ticker of the " + tickers.size()
                        + " has price data on or after " + params.startDate() + ": no artifact written"
                        + (summary.failed().isEmpty() ? "" : " (" + summary.failed().size() + " unreadable)"));
            }
            ArtifactStats stats = writer.commit();
            return new Result(summary, stats, coverage.coverage(), coverage.artifactFacts(stats.bytes()),
                    loader.damaged());
        }
    }

    /** Threads for the build: the machine's processors. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
