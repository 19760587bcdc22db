package org.avpipeline.cloud;

import org.avpipeline.alphavantage.ApiKeyRedactor;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.catalog.CatalogTables;
import org.avpipeline.report.ByteSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The four numbered steps of one AWS run with its clients; a failed step is notified and ends the run. */
final class AwsRunSteps {
    private final AwsSettings settings;
    private final LocalDate runDate;
    private final Instant start;
    private final SnsNotifier notifier;
    private final SsmClient ssm;
    private final S3Client s3;
    private final AwsRun.Options options;
    private final ApiKeyRedactor redactor;
    private final RunLog log;

    AwsRunSteps(AwsSettings settings, LocalDate runDate, Instant start, SnsNotifier notifier, SsmClient ssm,
            S3Client s3, AwsRun.Options options, ApiKeyRedactor redactor, RunLog log) {
        this.settings = settings;
        this.runDate = runDate;
        this.start = start;
        this.notifier = notifier;
        this.ssm = ssm;
        this.s3 = s3;
        this.options = options;
        this.redactor = redactor;
        this.log = log;
    }

    AwsRunResult run(Function<AwsSettings, AwsPipeline> pipelineFor) {
        log.info("[1/4] Retrieving API key from Parameter Store...");
        String apiKey;
        try {
            apiKey = new SsmApiKeySource(ssm, settings.apiKeyParameterName()).apiKey();
        } catch (ApiKeyUnavailableException | RuntimeException e) {
            return failure(FailureKind.API_KEY_RETRIEVAL, e, Optional.empty());
        }
        redactor.add(apiKey);
        log.info("API key retrieved successfully");

        // One run per bucket: a second task started while one works (a manual run during the schedule's) stops
        // here, before any request, naming the holder; a crashed task's lease expires (S3StoreLock).
        S3StoreLock lock;
        try {
            lock = S3StoreLock.acquire(s3, settings.bucket(), "aws-" + start, options.clock());
        } catch (org.avpipeline.raw.StoreBusyException e) {
            return failure(FailureKind.EXECUTION_ERROR, e, Optional.empty());
        } catch (RuntimeException e) { // the bucket cannot be written (missing, no permission): no use fetching
            return failure(FailureKind.S3_UPLOAD_ERROR, e, Optional.empty());
        }
        log.info("Lock taken: s3://" + settings.bucket() + "/" + S3StoreLock.KEY + " (lease "
                + S3StoreLock.LEASE.toMinutes() + " min, renewed while the run works)");
        try {
            return runLocked(apiKey, pipelineFor);
        } finally {
            lock.close();
        }
    }

    private AwsRunResult runLocked(String apiKey, Function<AwsSettings, AwsPipeline> pipelineFor) {
        try {
            PipelineOutcome outcome = runPipeline(apiKey, pipelineFor);
            Uploaded uploaded = upload(outcome);
            if (outcome.publish()) { // Athena's tables see published runs only, not a degraded one kept aside
                writeAthenaPointers(uploaded);
            }
            return notifyDone(outcome, uploaded);
        } catch (StepFailed failed) {
            return failed.result;
        }
    }

    /** Step 2: the pipeline, with the S3 raw store; a failed one's run report is kept. */
    private PipelineOutcome runPipeline(String apiKey, Function<AwsSettings, AwsPipeline> pipelineFor)
            throws StepFailed {
        log.info("[2/4] Running TTM pipeline...");
        log.info("ETF: " + settings.etfSymbol() + ", start date: " + settings.startDate()
                + ", rate limit: " + settings.rateLimitPerMinute() + " requests/min");
        PipelineOutcome outcome;
        Path workDir = null;
        try {
            workDir = workDir();
            log.info("Work directory: " + workDir);
            AwsPipeline pipeline = Objects.requireNonNull(pipelineFor.apply(settings), "no pipeline was made");
            outcome = pipeline.run(apiKey, new S3RawStore(s3, settings.bucket()), workDir);
            if (outcome == null) {
                throw new IllegalStateException("the pipeline returned no outcome");
            }
        } catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            keepFailedRunReport(workDir);
            throw new StepFailed(failure(FailureKind.EXECUTION_ERROR, e, Optional.empty()));
        }
        RunSummary summary = outcome.summary();
        log.info("Pipeline finished: " + summary.artifactTickers() + " of " + summary.universeTickers()
                + " tickers in the artifact, " + summary.failedTickers() + " failed, " + summary.rows()
                + " rows");
        return outcome;
    }

    /** Step 3: the artifact, then the files beside it, into the day's folder. */
    private Uploaded upload(PipelineOutcome outcome) throws StepFailed {
        log.info("[3/4] Uploading artifact to S3...");
        if (!Files.isRegularFile(outcome.artifact())) {
            throw new StepFailed(failure(FailureKind.ARTIFACT_NOT_FOUND, new NoSuchFileException(
                    outcome.artifact().toString(), null, "the pipeline reported this artifact, but no file is there"),
                    Optional.empty()));
        }
        S3ArtifactPublisher publisher = new S3ArtifactPublisher(s3, settings.bucket());
        PublishedObject artifact;
        // A degraded run that is not accepted goes beside the day's folder, under a name that says so.
        String folder = outcome.publish() ? S3ArtifactPublisher.folder(runDate)
                : S3ArtifactPublisher.ARTIFACT_FOLDER + runDate + ".degraded/";
        try {
            artifact = publisher.upload(outcome.artifact(), folder + ArtifactSchema.FILE_NAME);
        } catch (ArtifactUploadException | RuntimeException e) {
            throw new StepFailed(failure(FailureKind.S3_UPLOAD_ERROR, e, Optional.empty()));
        }
        log.info("Artifact uploaded: " + artifact.uri() + " (" + ByteSizes.human(artifact.sizeBytes()) + ")");
        List<PublishedObject> extras = new ArrayList<>();
        for (Path extra : outcome.extraFiles()) {
            if (!Files.isRegularFile(extra)) {
                log.warn("Not uploading " + extra + ": no such file");
                continue;
            }
            try {
                PublishedObject published = publisher.upload(extra, folder + extra.getFileName());
                extras.add(published);
                log.info("Uploaded: " + published.uri());
            } catch (ArtifactUploadException | RuntimeException e) {
                throw new StepFailed(failure(FailureKind.S3_UPLOAD_ERROR, e, Optional.of(artifact)));
            }
        }
        return new Uploaded(artifact, extras);
    }

    /** Athena's pointers to the published files; a failure leaves the files in S3 and is only a warning. */
    private void writeAthenaPointers(Uploaded uploaded) {
        List<PublishedObject> published = new ArrayList<>(uploaded.extras());
        published.add(0, uploaded.artifact());
        try {
            AthenaPointers.write(s3, settings.bucket(), AthenaPointers.forPublished(runDate, published,
                    CatalogTables.ALL)).forEach(uri -> log.info("Athena pointer: " + uri));
        } catch (RuntimeException e) {
            log.warn("The run's files are in S3, but Athena will not see this run: writing its "
                    + AthenaPointers.FOLDER + " pointers failed: " + e.getMessage());
        }
    }

    /** Step 4: the success or degraded notification (a failed one is only a warning), and the result. */
    private AwsRunResult notifyDone(PipelineOutcome outcome, Uploaded uploaded) {
        PublishedObject artifact = uploaded.artifact();
        List<PublishedObject> extras = uploaded.extras();
        RunSummary summary = outcome.summary();
        boolean degraded = outcome.degraded();
        log.info(degraded ? "[4/4] Sending degraded notification..." : "[4/4] Sending success notification...");
        Duration elapsed = elapsed();
        boolean notified;
        try {
            if (degraded) {
                notifier.publish(NotificationText.degradedSubject(runDate), NotificationText.degradedBody(
                        runDate, elapsed, settings, artifact, extras, summary, outcome.outcome()));
                log.warn("Degraded notification sent: " + String.join("; ", outcome.outcome().reasons()));
            } else {
                notifier.publish(NotificationText.successSubject(runDate),
                        NotificationText.successBody(runDate, elapsed, settings, artifact, extras, summary));
                log.info("Success notification sent");
            }
            notified = true;
        } catch (RuntimeException e) {
            notified = false;
            log.warn("Could not send the success notification (the run itself succeeded): "
                    + NotificationText.errorDetails(e));
        }
        log.info("=== AWS Pipeline Execution Complete (" + NotificationText.minutes(elapsed) + " minutes) ===");
        int exit = degraded && !outcome.publish() ? AwsRun.DEGRADED_EXIT_CODE : 0;
        return new AwsRunResult(exit, Optional.empty(), Optional.of(artifact), extras, notified, Optional.empty());
    }

    /**
     * A failed pipeline leaves its run report and manifest (outcome failed, the reason) in the work directory:
     * they go to {@code ttm-artifacts/YYYY-MM-DD.failed/} in the bucket, best effort.
     */
    private void keepFailedRunReport(Path workDir) {
        if (workDir == null) {
            return;
        }
        S3ArtifactPublisher publisher = new S3ArtifactPublisher(s3, settings.bucket());
        for (String name : List.of(org.avpipeline.report.RunManifestJson.FILE_NAME,
                org.avpipeline.report.HtmlReport.FILE_NAME)) {
            Path file = workDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                PublishedObject kept = publisher.upload(file, S3ArtifactPublisher.ARTIFACT_FOLDER + runDate
                        + ".failed/" + name);
                log.info("Failed run's " + name + " kept: " + kept.uri());
            } catch (ArtifactUploadException | RuntimeException e) {
                log.warn("Could not keep the failed run's " + name + ": " + NotificationText.errorDetails(e));
            }
        }
    }

    private AwsRunResult failure(FailureKind kind, Throwable error, Optional<PublishedObject> artifact) {
        if (error instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String details = redactor.redact(NotificationText.errorDetails(error));
        log.error(kind.step() + " failed: " + details);
        boolean notified = false;
        try {
            notifier.publish(kind.subject(), NotificationText.failureBody(kind, runDate, elapsed(), details));
            notified = true;
            log.info("Failure notification sent: " + kind.subject());
        } catch (RuntimeException notifyError) {
            log.error("Could not send the failure notification: " + NotificationText.errorDetails(notifyError));
        }
        log.error("=== AWS Pipeline Execution Failed: " + kind.subject() + " ===");
        return new AwsRunResult(kind.exitCode(), Optional.of(kind), artifact, List.of(), notified,
                Optional.of(details));
    }

    private Duration elapsed() {
        return Duration.between(start, options.clock().instant());
    }

    private Path workDir() throws IOException {
        if (options.workDir().isPresent()) {
            return Files.createDirectories(options.workDir().get());
        }
        return Files.createTempDirectory("avpipeline-aws-");
    }

    /** The uploaded artifact and the files beside it. */
    private record Uploaded(PublishedObject artifact, List<PublishedObject> extras) {}

    /** A step failed: its failure is logged and notified, and this is the run's result. */
    private static final class StepFailed extends Exception {
        private final transient AwsRunResult result;

        StepFailed(AwsRunResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
