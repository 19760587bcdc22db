package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;
import org.avpipeline.testing.Tee;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The whole AWS run with real components: S3Mock for S3, the fauxqs emulator for SNS (read through an SQS queue),
 * and {@link SsmFake}, a protocol-level fake of SSM's GetParameter (no SSM emulator exists). The pipeline step is a
 * fake {@link AwsPipeline}. Every test also checks that the API key reached no log line, no notification and no
 * stored object.
 */
class AwsRunTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    @RegisterExtension
    static final FauxqsExtension FAUXQS = new FauxqsExtension();

    private static final String PARAMETER = "/avpipeline/alpha-vantage-api-key";
    private static final Instant NOW = Instant.parse("2025-01-05T06:00:00Z");
    private static final String KEY_OBJECT = "ttm-artifacts/2025-01-05/ttm_per_share_financial_artifact.parquet";

    private static S3Client s3;

    @TempDir
    Path workDir;

    private final String apiKey = "AVKEY" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private SsmFake ssm;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeAll
    static void client() {
        s3 = TestAws.s3(S3_MOCK.getHttpPort());
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @BeforeEach
    void start() throws IOException {
        ssm = new SsmFake();
        ssm.put(PARAMETER, apiKey);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        ssm.close();
    }

    private Map<String, String> env(String bucket, String topicArn) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("S3_BUCKET", bucket);
        env.put("SNS_TOPIC_ARN", topicArn);
        env.put("AWS_ENDPOINT_URL_S3", TestAws.local(S3_MOCK.getHttpPort()).toString());
        env.put("AWS_ENDPOINT_URL_SNS", FAUXQS.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
        return env;
    }

    private AwsRun.Options options() {
        return new AwsRun.Options(TestAws.CREDENTIALS, Clock.fixed(NOW, ZoneOffset.UTC), Optional.of(workDir),
                () -> System.out);
    }

    private AwsRunResult run(Map<String, String> env, AwsPipeline pipeline) {
        return AwsRun.run(env, pipeline, options());
    }

    private static String bucket(String name) {
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private List<String> logLines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The fetch and build, faked: one raw answer, a small Parquet-like file, a report, 25 failed tickers. */
    private static PipelineOutcome fakeBuild(String key, RawStore rawStore, Path dir) throws Exception {
        byte[] answer = "{\"symbol\":\"AAPL\",\"quarterlyEarnings\":[]}".getBytes(StandardCharsets.UTF_8);
        rawStore.write(RawKey.of("AAPL", AvFunction.EARNINGS), answer, new AnswerMetadata(NOW,
                "function=EARNINGS&symbol=AAPL", Sha256.hex(answer)));
        Path artifact = dir.resolve("out.parquet");
        byte[] bytes = new byte[50_000];
        new java.util.Random(7).nextBytes(bytes);
        System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, bytes, bytes.length - 4, 4);
        Files.write(artifact, bytes);
        Path report = Files.writeString(dir.resolve("run_report.html"), "<html>report</html>");
        List<RunSummary.FailedTicker> failures = new ArrayList<>(IntStream.rangeClosed(1, 24)
                .mapToObj(i -> new RunSummary.FailedTicker("F" + i, "no earnings data")).toList());
        // a careless reason that quotes the request URL with the key: the notification must not carry it
        failures.add(0, new RunSummary.FailedTicker("LEAK",
                "HTTP 503 from https://www.alphavantage.co/query?function=EARNINGS&symbol=LEAK&apikey=" + key));
        return new PipelineOutcome(artifact, new RunSummary(101, 76, 25, 75, failures, 12_345, 159, bytes.length),
                List.of(report));
    }

    @Test
    void aSuccessfulRunPublishesTheArtifactAndNotifiesSuccess() throws Exception {
        String bucket = bucket("run-success");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-success")) {
            Map<String, String> env = env(bucket, inbox.topicArn());
            env.put("ETF_SYMBOL", "IWB");
            List<String> madeFor = new ArrayList<>();
            AwsRunResult result = AwsRun.run(env, settings -> {
                madeFor.add(settings.etfSymbol());
                return (key, rawStore, dir) -> fakeBuild(key, rawStore, dir);
            }, options());

            assertEquals(List.of("IWB"), madeFor);

            assertEquals(0, result.exitCode());
            assertTrue(result.notified());
            assertEquals(Optional.of("s3://run-success/" + KEY_OBJECT), result.artifactLocation());
            assertArrayEquals(Files.readAllBytes(workDir.resolve("out.parquet")),
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(KEY_OBJECT)).asByteArray());
            assertEquals("<html>report</html>", s3.getObjectAsBytes(b -> b.bucket(bucket)
                    .key("ttm-artifacts/2025-01-05/run_report.html")).asUtf8String());
            s3.headObject(b -> b.bucket(bucket).key("raw/AAPL/EARNINGS.json.gz"));
            assertEquals("s3://run-success/" + KEY_OBJECT + "\n", s3.getObjectAsBytes(b -> b.bucket(bucket)
                    .key("ttm-artifacts/2025-01-05/athena/ttm_per_share_financial_artifact/symlink.txt"))
                    .asUtf8String(), "Athena's pointer to the artifact");

            List<SnsInbox.Notification> notifications = inbox.drain();
            assertEquals(1, notifications.size(), notifications.toString());
            SnsInbox.Notification n = notifications.get(0);
            assertEquals("Pipeline Success: 2025-01-05", n.subject());
            String body = n.message();
            assertTrue(body.contains("Execution time: 0.00 minutes\n"), body);
            assertTrue(body.contains("Date: 2025-01-05\n"), body);
            assertTrue(body.contains("Artifact: s3://run-success/" + KEY_OBJECT + "\n"), body);
            assertTrue(body.contains("Size: 48.8 KiB (50,000 bytes)\n"), body);
            assertTrue(body.contains("Tickers in the universe: 101\nTickers fetched: 76\nTickers failed: 25\n"
                    + "Tickers in the artifact: 75\nRows: 12,345\nColumns: 159\n"), body);
            assertTrue(body.contains("Failed tickers (first 20 of 25):\n  LEAK: HTTP 503 from "
                    + "https://www.alphavantage.co/query?function=EARNINGS&symbol=LEAK&apikey=***\n"), body);
            assertTrue(body.contains("  ... and 5 more\n"), body);
            assertTrue(body.contains("ETF: IWB (start date 2004-12-31)\n"), body);
            assertTrue(body.contains("Run report: s3://run-success/ttm-artifacts/2025-01-05/run_report.html\n"),
                    body);

            assertInOrder(logLines(), "=== Starting AWS Pipeline Execution ===", "AWS Region: us-east-1",
                    "S3 Bucket: run-success", "[1/4] Retrieving API key from Parameter Store...",
                    "API key retrieved successfully", "[2/4] Running TTM pipeline...",
                    "[3/4] Uploading artifact to S3...", "[4/4] Sending success notification...",
                    "Success notification sent");
            assertKeyNowhere(notifications, bucket);
        }
    }

    /** Issue 10: a degraded run goes beside the day's folder, says "degraded" and lists what was lost; exit 8. */
    @Test
    void aDegradedRunIsKeptAsideAndNotifiedAsDegraded() throws Exception {
        String bucket = bucket("run-degraded");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-degraded")) {
            org.avpipeline.report.RunOutcome degraded = new org.avpipeline.report.RunOutcome(
                    org.avpipeline.report.OutcomeStatus.DEGRADED, List.of("1 tickers of the previous artifact are "
                            + "missing (more than 0 allowed)"), List.of("ACMA: not in the artifact (had 5000 rows)"),
                    false, false, "20250104T060000Z-qqq", "s3://run-degraded/x", 
                    org.avpipeline.report.OutcomeThresholds.defaults(), List.of());
            AwsRunResult result = run(env(bucket, inbox.topicArn()), (key, raw, dir) -> {
                PipelineOutcome o = fakeBuild(key, raw, dir);
                return new PipelineOutcome(o.artifact(), o.summary(), o.extraFiles(), degraded);
            });

            assertEquals(AwsRun.DEGRADED_EXIT_CODE, result.exitCode());
            String kept = "ttm-artifacts/2025-01-05.degraded/ttm_per_share_financial_artifact.parquet";
            assertEquals(Optional.of("s3://run-degraded/" + kept), result.artifactLocation());
            s3.headObject(b -> b.bucket(bucket).key(kept));
            s3.headObject(b -> b.bucket(bucket).key("ttm-artifacts/2025-01-05.degraded/run_report.html"));
            assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                    () -> s3.headObject(b -> b.bucket(bucket).key(KEY_OBJECT)), "not published");
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Degraded: 2025-01-05", n.subject());
            assertTrue(n.message().contains("ACMA: not in the artifact (had 5000 rows)"), n.message());
            assertTrue(n.message().contains("NOT published"), n.message());
        }
    }

    @Test
    void aMissingApiKeyIsNotifiedAsApiKeyRetrieval() throws Exception {
        String bucket = bucket("run-no-key");
        AtomicBoolean pipelineRan = new AtomicBoolean();
        try (SsmFake empty = new SsmFake(); SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-no-key")) {
            Map<String, String> env = env(bucket, inbox.topicArn());
            env.put("AWS_ENDPOINT_URL_SSM", empty.endpoint().toString());

            AwsRunResult result = run(env, (key, raw, dir) -> {
                pipelineRan.set(true);
                return fakeBuild(key, raw, dir);
            });

            assertEquals(3, result.exitCode());
            assertEquals(Optional.of(FailureKind.API_KEY_RETRIEVAL), result.failure());
            assertFalse(pipelineRan.get());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: API Key Retrieval", n.subject());
            assertTrue(n.message().contains("Failed step: [1/4] Retrieving API key from Parameter Store\n"), n.message());
            assertTrue(n.message().contains("ApiKeyUnavailableException: Parameter Store has no parameter '"
                    + PARAMETER + "'"), n.message());
            assertTrue(n.message().contains("Caused by: software.amazon.awssdk.services.ssm.model."
                    + "ParameterNotFoundException"), n.message());
            assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty());
            assertTrue(logLines().contains("[1/4] Retrieving API key from Parameter Store..."));
            assertFalse(logLines().contains("API key retrieved successfully"));
            assertFalse(logLines().contains("[2/4] Running TTM pipeline..."));
        }
    }

    @Test
    void aPipelineExceptionIsNotifiedAsExecutionErrorWithoutTheKey() throws Exception {
        String bucket = bucket("run-exec-error");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-exec-error")) {
            AwsRunResult result = run(env(bucket, inbox.topicArn()), (key, raw, dir) -> {
                throw new IllegalStateException("build failed",
                        new IOException("GET https://www.alphavantage.co/query?function=OVERVIEW&apikey=" + key));
            });

            assertEquals(4, result.exitCode());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Execution Error", n.subject());
            assertTrue(n.message().contains("Error details:\njava.lang.IllegalStateException: build failed\n"
                    + "Caused by: java.io.IOException: GET https://www.alphavantage.co/query?function=OVERVIEW"
                    + "&apikey=***\n"), n.message());
            assertTrue(logLines().stream().anyMatch(l -> l.startsWith("ERROR: [2/4] Running TTM pipeline failed: "
                    + "java.lang.IllegalStateException: build failed")), logLines().toString());
            assertKeyNowhere(List.of(n), bucket);
        }
    }

    /** Issue 21.2: a second task on the bucket while one works stops before its pipeline, naming the holder. */
    @Test
    void aSecondRunOnTheBucketWhileOneWorksStopsNamingIt() throws Exception {
        String bucket = bucket("run-two-at-once");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-two-at-once")) {
            Map<String, String> env = env(bucket, inbox.topicArn());
            List<String> pipelines = new ArrayList<>();
            AwsRunResult[] second = new AwsRunResult[1];
            AwsRunResult first = run(env, (key, raw, dir) -> {
                pipelines.add("first");
                second[0] = run(env, (k, r, d) -> {
                    pipelines.add("second");
                    return fakeBuild(k, r, d);
                });
                return fakeBuild(key, raw, dir);
            });

            assertEquals(List.of("first"), pipelines, "the second run's pipeline never ran");
            assertEquals(4, second[0].exitCode());
            assertTrue(second[0].details().orElse("").contains("bucket run-two-at-once (lock object "
                    + S3StoreLock.KEY + ") is in use by run aws-" + NOW + " (pid "), second[0].details()
                    .toString());
            assertTrue(second[0].details().orElse("").contains(") since " + NOW), second[0].details()
                    .toString());
            assertEquals(0, first.exitCode());
            assertEquals(null, S3StoreLock.holderOf(s3, bucket), "the first run released the lock");
            List<SnsInbox.Notification> sent = inbox.drain();
            assertEquals(List.of("Pipeline Failed: Execution Error", "Pipeline Success: 2025-01-05"),
                    sent.stream().map(SnsInbox.Notification::subject).toList());
        }
    }

    @Test
    void aMissingArtifactIsNotifiedAsArtifactNotFound() throws Exception {
        String bucket = bucket("run-no-artifact");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-no-artifact")) {
            Path nowhere = workDir.resolve("never-written.parquet");
            AwsRunResult result = run(env(bucket, inbox.topicArn()), (key, raw, dir) -> new PipelineOutcome(nowhere,
                    new RunSummary(1, 1, 0, 1, List.of(), 10, 159, 0)));

            assertEquals(5, result.exitCode());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Artifact Not Found", n.subject());
            assertTrue(n.message().contains("java.nio.file.NoSuchFileException: " + nowhere), n.message());
            assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty());
        }
    }

    @Test
    void anUploadFailureIsNotifiedAsS3UploadError() throws Exception {
        String bucket = bucket("run-missing-bucket");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-upload-error")) {
            // the bucket is gone by the upload (the run's lock object with it): refused with NoSuchBucket
            AwsRunResult result = run(env(bucket, inbox.topicArn()), (key, raw, dir) -> {
                s3.deleteObject(b -> b.bucket(bucket).key(S3StoreLock.KEY));
                s3.deleteBucket(b -> b.bucket(bucket));
                Path artifact = Files.writeString(dir.resolve("a.parquet"), "PAR1....PAR1");
                return new PipelineOutcome(artifact, new RunSummary(1, 1, 0, 1, List.of(), 10, 159, 12));
            });

            assertEquals(6, result.exitCode());
            assertEquals(Optional.empty(), result.artifactLocation());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: S3 Upload Error", n.subject());
            assertTrue(n.message().contains("ArtifactUploadException: upload of a.parquet to s3://run-missing-bucket/"
                    + KEY_OBJECT + " failed"), n.message());
            assertTrue(n.message().contains("NoSuchBucketException"), n.message());
        }
    }

    /** Issue 21.2: a bucket that cannot take the run's lock object stops the run before its pipeline. */
    @Test
    void aMissingBucketStopsTheRunBeforeItsPipeline() throws Exception {
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-no-bucket")) {
            List<String> pipelines = new ArrayList<>();
            AwsRunResult result = run(env("run-no-such-bucket", inbox.topicArn()), (key, raw, dir) -> {
                pipelines.add("ran");
                return null;
            });
            assertEquals(6, result.exitCode());
            assertEquals(List.of(), pipelines);
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: S3 Upload Error", n.subject());
            assertTrue(n.message().contains("NoSuchBucketException"), n.message());
        }
    }

    @Test
    void anInvalidConfigurationStopsBeforeAnyWorkAndIsNotified() throws Exception {
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "run-config")) {
            Map<String, String> env = env("", inbox.topicArn());
            env.put("START_DATE", "2004/12/31");
            AtomicBoolean pipelineRan = new AtomicBoolean();

            AwsRunResult result = run(env, (key, raw, dir) -> {
                pipelineRan.set(true);
                throw new AssertionError("not reached");
            });

            assertEquals(2, result.exitCode());
            assertFalse(pipelineRan.get());
            assertTrue(ssm.requests().isEmpty(), "no work before the configuration is valid");
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Configuration Error", n.subject());
            assertTrue(n.message().contains("  - S3_BUCKET is required"), n.message());
            assertTrue(n.message().contains("  - START_DATE is not a date in the form YYYY-MM-DD: '2004/12/31'"),
                    n.message());
            assertInOrder(logLines(), "=== Starting AWS Pipeline Execution ===", "ERROR: Invalid configuration (2 problems):",
                    "Failure notification sent");
        }
    }

    @Test
    void aFailedSuccessNotificationIsOnlyAWarning() throws Exception {
        String bucket = bucket("run-notify-fails");
        AwsRunResult result = run(env(bucket, "arn:aws:sns:us-east-1:000000000000:no-such-topic"),
                (key, raw, dir) -> fakeBuild(key, raw, dir));

        assertEquals(0, result.exitCode());
        assertFalse(result.notified());
        assertTrue(result.succeeded());
        s3.headObject(b -> b.bucket(bucket).key(KEY_OBJECT));
        assertTrue(logLines().stream().anyMatch(l -> l.startsWith(
                "WARNING: Could not send the success notification (the run itself succeeded): ")), logLines().toString());
        assertKeyNowhere(List.of(), bucket);
    }

    private static SnsInbox.Notification single(SnsInbox inbox) {
        List<SnsInbox.Notification> all = inbox.drain();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static void assertInOrder(List<String> lines, String... expected) {
        int from = 0;
        for (String e : expected) {
            int at = lines.subList(from, lines.size()).indexOf(e);
            assertTrue(at >= 0, "'" + e + "' after line " + from + " in:\n" + String.join("\n", lines));
            from += at + 1;
        }
    }

    /** The key is in no log line, no notification, no stored object (nor its user metadata). */
    private void assertKeyNowhere(List<SnsInbox.Notification> notifications, String bucket) throws IOException {
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains(apiKey), "the API key is in the log");
        for (SnsInbox.Notification n : notifications) {
            assertFalse(n.subject().contains(apiKey) || n.message().contains(apiKey), "the API key is in " + n);
        }
        for (S3Object object : s3.listObjectsV2(b -> b.bucket(bucket)).contents()) {
            var stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()));
            byte[] bytes = stored.asByteArray();
            if (object.key().endsWith(".gz")) {
                try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(apiKey),
                    "the API key is in " + object.key());
            assertFalse(stored.response().metadata().toString().contains(apiKey),
                    "the API key is in the metadata of " + object.key());
        }
    }
}
