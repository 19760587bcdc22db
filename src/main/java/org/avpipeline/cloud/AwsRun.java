package org.avpipeline.cloud;

import org.avpipeline.alphavantage.ApiKeyRedactor;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.catalog.CatalogTables;
import org.avpipeline.report.ByteSizes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The run inside the container (deploy.md): configuration from the environment, then four numbered steps, logged
 * as the original pipeline logged them:
 * <ol>
 *   <li>{@code [1/4] Retrieving API key from Parameter Store...} (SSM, with decryption)</li>
 *   <li>{@code [2/4] Running TTM pipeline...} (the injected {@link AwsPipeline}, with the S3 raw store)</li>
 *   <li>{@code [3/4] Uploading artifact to S3...} ({@code ttm-artifacts/YYYY-MM-DD/...}, run date in UTC)</li>
 *   <li>{@code [4/4] Sending success notification...} (SNS)</li>
 * </ol>
 * Each failure is notified with its {@link FailureKind} subject and the error details, and ends the run with that
 * kind's exit code; a failed success notification is only a warning. The API key never reaches the log, a
 * notification or a stored object: every line and body goes through a {@link ApiKeyRedactor} that knows it.
 */
public final class AwsRun {
    /** The exit code of a degraded run whose artifact was not published (the same as the local run's). */
    public static final int DEGRADED_EXIT_CODE = 8;

    private final Options options;
    private final ApiKeyRedactor redactor = new ApiKeyRedactor();
    private final RunLog log;

    private AwsRun(Options options) {
        this.options = options;
        this.log = new RunLog(options.out(), redactor);
    }

    /** The production entry: the default credential chain, the system clock, a fresh work directory; the exit code. */
    public static int execute(Map<String, String> env, AwsPipeline pipeline) {
        return run(env, pipeline, Options.defaults()).exitCode();
    }

    /**
     * The production entry for a pipeline that needs the settings (ETF, start date, rate limit): it is made from
     * them once they are read and valid.
     */
    public static int execute(Map<String, String> env, Function<AwsSettings, AwsPipeline> pipelineFor) {
        return run(env, pipelineFor, Options.defaults()).exitCode();
    }

    /** Runs the four steps with the given environment, pipeline and options. */
    public static AwsRunResult run(Map<String, String> env, AwsPipeline pipeline, Options options) {
        Objects.requireNonNull(pipeline, "pipeline");
        return run(env, settings -> pipeline, options);
    }

    /** Runs the four steps with the pipeline made from the settings, and the given options. */
    public static AwsRunResult run(Map<String, String> env, Function<AwsSettings, AwsPipeline> pipelineFor,
            Options options) {
        return new AwsRun(options).run(env, Objects.requireNonNull(pipelineFor, "pipelineFor"));
    }

    /**
     * What the run takes from outside besides the environment.
     *
     * @param credentials the AWS credentials (production: {@link AwsClients#defaultCredentials()})
     * @param clock the clock for the run date (UTC) and the execution time
     * @param workDir where the pipeline works; empty: a new temporary directory
     * @param out where the log goes (read at each line, so a replaced {@code System.out} is honoured)
     */
    public record Options(AwsCredentialsProvider credentials, Clock clock, Optional<Path> workDir,
            Supplier<PrintStream> out) {
        public Options {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(out, "out");
        }

        public static Options defaults() {
            return new Options(AwsClients.defaultCredentials(), Clock.systemUTC(), Optional.empty(), () -> System.out);
        }

        public Options withCredentials(AwsCredentialsProvider c) {
            return new Options(c, clock, workDir, out);
        }

        public Options withClock(Clock c) {
            return new Options(credentials, c, workDir, out);
        }

        public Options withWorkDir(Path dir) {
            return new Options(credentials, clock, Optional.of(dir), out);
        }
    }

    private AwsRunResult run(Map<String, String> env, Function<AwsSettings, AwsPipeline> pipelineFor) {
        Instant start = options.clock().instant();
        LocalDate runDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
        log.info("=== Starting AWS Pipeline Execution ===");

        AwsSettings settings;
        try {
            settings = AwsSettings.fromEnvironment(env);
        } catch (InvalidSettingsException e) {
            return configurationFailure(e, runDate);
        }
        log.info("AWS Region: " + settings.region().id());
        log.info("S3 Bucket: " + settings.bucket());

        AwsCredentialsProvider credentials = options.credentials();
        AwsSettings.EndpointOverrides endpoints = settings.endpoints();
        try (SsmClient ssm = AwsClients.ssm(settings.region(), endpoints.ssm(), credentials);
                S3Client s3 = AwsClients.s3(settings.region(), endpoints.s3(), credentials);
                SnsClient sns = AwsClients.sns(settings.region(), endpoints.sns(), credentials)) {
            Steps steps = new Steps(settings, runDate, start,
                    new SnsNotifier(sns, settings.topicArn(), redactor), ssm, s3);
            return steps.run(pipelineFor);
        }
    }

    private AwsRunResult configurationFailure(InvalidSettingsException e, LocalDate runDate) {
        log.error("Invalid configuration (" + e.problems().size() + " problem"
                + (e.problems().size() == 1 ? "" : "s") + "):");
        for (String problem : e.problems()) {
            log.error("  - " + problem);
        }
        boolean notified = false;
        if (e.notificationTarget().isPresent()) {
            AwsSettings.NotificationTarget target = e.notificationTarget().get();
            try (SnsClient sns = AwsClients.sns(target.region(), target.snsEndpoint(), options.credentials())) {
                new SnsNotifier(sns, target.topicArn(), redactor).publish(FailureKind.CONFIGURATION.subject(),
                        NotificationText.configurationBody(runDate, e.problems()));
                notified = true;
                log.info("Failure notification sent");
            } catch (RuntimeException notifyError) {
                log.error("Could not send the failure notification: " + NotificationText.errorDetails(notifyError));
            }
        } else {
            log.error("No failure notification sent: " + AwsSettings.SNS_TOPIC_ARN + " is not usable");
        }
        return new AwsRunResult(FailureKind.CONFIGURATION.exitCode(), Optional.of(FailureKind.CONFIGURATION),
                Optional.empty(), List.of(), notified, Optional.of(String.join("\n", e.problems())));
    }

    /** The four steps, with the clients of one run. */
    private final class Steps {
        private final AwsSettings settings;
        private final LocalDate runDate;
        private final Instant start;
        private final SnsNotifier notifier;
        private final SsmClient ssm;
        private final S3Client s3;

        Steps(AwsSettings settings, LocalDate runDate, Instant start, SnsNotifier notifier, SsmClient ssm,
                S3Client s3) {
            this.settings = settings;
            this.runDate = runDate;
            this.start = start;
            this.notifier = notifier;
            this.ssm = ssm;
            this.s3 = s3;
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
            int exit = degraded && !outcome.publish() ? DEGRADED_EXIT_CODE : 0;
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
