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
 */
public record PipelineOutcome(Path artifact, RunSummary summary, List<Path> extraFiles) {
    public PipelineOutcome {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(summary, "summary");
        extraFiles = List.copyOf(extraFiles);
    }

    public PipelineOutcome(Path artifact, RunSummary summary) {
        this(artifact, summary, List.of());
    }
}
