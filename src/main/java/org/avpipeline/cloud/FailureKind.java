package org.avpipeline.cloud;

/** The ways the AWS run fails, each with its notification subject (deploy.md) and its own exit code. */
public enum FailureKind {
    CONFIGURATION("Pipeline Failed: Configuration Error", 2, "Reading the configuration"),
    API_KEY_RETRIEVAL("Pipeline Failed: API Key Retrieval", 3, "[1/4] Retrieving API key from Parameter Store"),
    EXECUTION_ERROR("Pipeline Failed: Execution Error", 4, "[2/4] Running TTM pipeline"),
    ARTIFACT_NOT_FOUND("Pipeline Failed: Artifact Not Found", 5, "[3/4] Uploading artifact to S3"),
    S3_UPLOAD_ERROR("Pipeline Failed: S3 Upload Error", 6, "[3/4] Uploading artifact to S3");

    private final String subject;
    private final int exitCode;
    private final String step;

    FailureKind(String subject, int exitCode, String step) {
        this.subject = subject;
        this.exitCode = exitCode;
        this.step = step;
    }

    public String subject() {
        return subject;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The step during which this failure happens, as logged. */
    public String step() {
        return step;
    }
}
