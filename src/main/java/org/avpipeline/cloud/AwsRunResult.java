package org.avpipeline.cloud;

import java.util.List;
import java.util.Optional;

/**
 * How an AWS run ended.
 *
 * @param exitCode 0 on success (even when the success notification could not be sent), 8 when degraded and not
 *     published ({@link AwsRun#DEGRADED_EXIT_CODE}), else
 *     {@link FailureKind#exitCode()}
 * @param failure the failure, empty on success
 * @param artifact the published artifact, when step 3 got that far
 * @param extraFiles the other files published beside it
 * @param notified whether the final notification (success or failure) was published
 * @param details the error details on failure (redacted), empty on success
 */
public record AwsRunResult(int exitCode, Optional<FailureKind> failure, Optional<PublishedObject> artifact,
        List<PublishedObject> extraFiles, boolean notified, Optional<String> details) {

    public AwsRunResult {
        extraFiles = List.copyOf(extraFiles);
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** The artifact's {@code s3://} location, when it was published. */
    public Optional<String> artifactLocation() {
        return artifact.map(PublishedObject::uri);
    }
}
