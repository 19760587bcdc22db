package org.avpipeline.cloud;

import org.avpipeline.alphavantage.ApiKeyRedactor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
            AwsRunSteps steps = new AwsRunSteps(settings, runDate, start,
                    new SnsNotifier(sns, settings.topicArn(), redactor), ssm, s3, options, redactor, log);
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
}
