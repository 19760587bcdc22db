package org.avpipeline.cloud;

import java.nio.file.Path;
import org.avpipeline.raw.RawStore;

/**
 * Step 2 of the AWS run, "Running TTM pipeline": fetch into the raw store, then build the artifact in
 * {@code workDir}. The AWS run supplies the key, the S3 raw store and a work directory; the implementation is wired
 * by the CLI.
 */
@FunctionalInterface
public interface AwsPipeline {
    /**
     * Runs the fetch and the build.
     *
     * @param apiKey the Alpha Vantage key: never log it, never store it, never put it in an exception message
     * @throws Exception any failure, reported as "Pipeline Failed: Execution Error"
     */
    PipelineOutcome run(String apiKey, RawStore rawStore, Path workDir) throws Exception;
}
