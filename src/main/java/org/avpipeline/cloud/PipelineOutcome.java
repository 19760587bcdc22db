package org.avpipeline.cloud;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the pipeline step produced.
 *
 * @param artifact the Parquet file to publish
 * @param summary the run's counts, for the success notification
 * @param extraFiles files to upload beside the artifact under their own names (run report, manifest…)
 * @param outcome the run's outcome (success, degraded, failed with its reasons and what was lost); {@code null} when
 *     the pipeline did not judge the run (then it counts as a success)
 */
public record PipelineOutcome(Path artifact, RunSummary summary, List<Path> extraFiles,
        org.avpipeline.report.RunOutcome outcome) {
    public PipelineOutcome {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(summary, "summary");
        extraFiles = List.copyOf(extraFiles);
    }

    public PipelineOutcome(Path artifact, RunSummary summary, List<Path> extraFiles) {
        this(artifact, summary, extraFiles, null);
    }

    /** Whether the run is degraded (it lost data against the previous run). */
    public boolean degraded() {
        return outcome != null && outcome.status() == org.avpipeline.report.OutcomeStatus.DEGRADED;
    }

    /** Whether the artifact goes to the day's folder: not when degraded and not accepted. */
    public boolean publish() {
        return outcome == null || outcome.published();
    }

    public PipelineOutcome(Path artifact, RunSummary summary) {
        this(artifact, summary, List.of());
    }
}
