package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.cli.RunCommand;
import org.avpipeline.cloud.AwsPipeline;
import org.avpipeline.cloud.AwsRun;
import org.avpipeline.cloud.AwsRunResult;
import org.avpipeline.cloud.AwsSettings;
import org.avpipeline.cloud.FailureKind;
import org.avpipeline.cloud.FauxqsExtension;
import org.avpipeline.cloud.PipelineOutcome;
import org.avpipeline.cloud.SnsInbox;
import org.avpipeline.cloud.SsmFake;
import org.avpipeline.cloud.TestAws;
import org.avpipeline.simulator.FaultPlan;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.avpipeline.testing.Tee;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The AWS mode end to end (issue "AWS mode", "End to end"): the REAL pipeline ({@link AwsPipelineAdapter}: fetch from
 * the in-process Alpha Vantage simulator into the S3 raw store, build, run report and manifest) inside the real
 * four-step {@link AwsRun}, against S3Mock (S3), fauxqs (SNS, read through an SQS queue) and {@link SsmFake} (SSM
 * GetParameter). A successful run, a second run on the same day, each failure kind with its subject and exit code,
 * and a missing variable; in every case the API key is in no captured output, no notification and no stored object.
 *
 * <p>The servers are shared by the class; each test has its own bucket and topic.
 */
class AwsEndToEndTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    @RegisterExtension
    static final FauxqsExtension FAUXQS = new FauxqsExtension();

    private static final String PARAMETER = "/avpipeline/alpha-vantage-api-key";
    /** Distinctive, so that any copy of it anywhere is found. */
    private static final String API_KEY = "E2EKEY" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8))
            .toUpperCase(java.util.Locale.ROOT);
    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 3);
    private static final Instant START = Instant.parse("2025-01-06T06:00:00Z");
    private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 6);
    private static final String FOLDER = "ttm-artifacts/2025-01-06/";
    private static final String ARTIFACT_KEY = FOLDER + ArtifactSchema.FILE_NAME;
    private static final int TICKERS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SimulatorServer simulator;
    private static SsmFake ssm;
    private static S3Client s3;

    @TempDir
    Path workDir;

    /** A clock that runs from {@link #START} (the run date is fixed, the execution time is real). */
    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeAll
    static void startServers() throws IOException {
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(TICKERS).withAsOf(AS_OF));
        ssm = new SsmFake();
        ssm.put(PARAMETER, API_KEY);
        s3 = TestAws.s3(S3_MOCK.getHttpPort());
    }

    @AfterAll
    static void stopServers() {
        if (s3 != null) {
            s3.close();
        }
        if (ssm != null) {
            ssm.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aWholeRunPublishesTheArtifactReportAndRawStoreAndASecondRunSkipsFreshData() throws Exception {
        String bucket = bucket("e2e-success");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-success")) {
            Map<String, String> env = env(bucket, inbox.topicArn(), simulator);

            long before = simulator.stats().requests();
            AwsRunResult first = AwsRun.run(env, realPipeline(simulator), options(workDir.resolve("first")));
            long firstRequests = simulator.stats().requests() - before;

            assertEquals(0, first.exitCode(), log());
            assertTrue(first.notified());
            assertEquals(Optional.of("s3://" + bucket + "/" + ARTIFACT_KEY), first.artifactLocation());
            // the ETF profile, 6 answers for each of the 10 constituents, 1 refusal for GONE (its other data types
            // are not requested: issue 10); no retries, no faults
            assertEquals(1 + 6 * TICKERS + 1, firstRequests);

            Set<String> keys = keys(bucket);
            assertTrue(keys.containsAll(List.of(ARTIFACT_KEY, FOLDER + "run_report.html",
                    FOLDER + "run_manifest.json")), keys.toString());
            assertRawStore(bucket, keys);

            // the artifact, read by an independent reader
            Path artifact = download(bucket, ARTIFACT_KEY);
            ArtifactFacts facts = ArtifactFacts.of(artifact);
            assertEquals(ArtifactSchema.COLUMNS.size(), facts.columns());
            assertEquals(160, facts.columns());
            assertTrue(facts.rows() > 1000, "rows: " + facts.rows());
            // every constituent (the short history and the fund have rows, without complete financial data)
            assertEquals(new TreeSet<>(simulator.market().tickers()), facts.tickers());

            String report = s3.getObjectAsBytes(b -> b.bucket(bucket).key(FOLDER + "run_report.html")).asUtf8String();
            assertTrue(report.startsWith("<!DOCTYPE html>") || report.contains("<html"), report.substring(0, 100));

            Map<String, List<Integer>> fetchByType = fetchByType(manifest(bucket));
            assertEquals(List.of(1, 0, 0), fetchByType.get("ETF_PROFILE"), fetchByType.toString());
            for (AvFunction f : AvFunction.PER_TICKER) { // fetched, skipped as fresh, failed (GONE)
                assertEquals(List.of(TICKERS, 0, 1), fetchByType.get(f.name()), fetchByType.toString());
            }

            SnsInbox.Notification success = single(inbox);
            assertEquals("Pipeline Success: 2025-01-06", success.subject());
            String body = success.message();
            assertTrue(body.matches("(?s).*Execution time: \\d+\\.\\d\\d minutes\n.*"), body);
            assertTrue(body.contains("Date: 2025-01-06\n"), body);
            assertTrue(body.contains("Artifact: s3://" + bucket + "/" + ARTIFACT_KEY + "\n"), body);
            assertTrue(body.contains("Run report: s3://" + bucket + "/" + FOLDER + "run_report.html\n"), body);
            long size = s3.headObject(b -> b.bucket(bucket).key(ARTIFACT_KEY)).contentLength();
            assertTrue(body.contains(String.format(java.util.Locale.ROOT, " (%,d bytes)\n", size)), body);
            assertTrue(body.contains("ETF: QQQ (start date 2004-12-31)\n"), body);
            assertTrue(body.contains("Tickers in the universe: " + (TICKERS + 1) + "\n"
                    + "Tickers fetched: " + TICKERS + "\n"
                    + "Tickers failed: 1\n"
                    + "Tickers in the artifact: " + facts.tickers().size() + "\n"
                    + String.format(java.util.Locale.ROOT, "Rows: %,d\n", facts.rows())
                    + "Columns: 160\n"), body);
            assertTrue(body.contains("Failed tickers (all 1):\n  GONE: unknown symbol (TIME_SERIES_DAILY_ADJUSTED); "
                    + "skipped unknown symbol (SPLITS, EARNINGS, INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW)\n"), body);

            assertInOrder(logLines(), "=== Starting AWS Pipeline Execution ===",
                    "[1/4] Retrieving API key from Parameter Store...", "API key retrieved successfully",
                    "[2/4] Running TTM pipeline...", "[3/4] Uploading artifact to S3...",
                    "Artifact uploaded: s3://" + bucket + "/" + ARTIFACT_KEY,
                    "[4/4] Sending success notification...", "Success notification sent");

            // the same day again: every stored answer is fresh, only GONE (never stored) is asked again
            before = simulator.stats().requests();
            AwsRunResult second = AwsRun.run(env, realPipeline(simulator), options(workDir.resolve("second")));
            long secondRequests = simulator.stats().requests() - before;

            assertEquals(0, second.exitCode(), log());
            assertEquals(1, secondRequests, "only the unknown symbol is asked again, once (issue 10)");
            Map<String, List<Integer>> againByType = fetchByType(manifest(bucket));
            assertEquals(List.of(0, 1, 0), againByType.get("ETF_PROFILE"), againByType.toString());
            for (AvFunction f : AvFunction.PER_TICKER) {
                assertEquals(List.of(0, TICKERS, 1), againByType.get(f.name()), againByType.toString());
            }
            assertEquals(facts, ArtifactFacts.of(download(bucket, ARTIFACT_KEY)), "the same data, the same artifact");
            SnsInbox.Notification secondSuccess = single(inbox);
            assertEquals("Pipeline Success: 2025-01-06", secondSuccess.subject());

            assertKeyNowhere(List.of(success, secondSuccess), bucket);
        }
    }

    @Test
    void aMissingParameterFailsAsApiKeyRetrievalBeforeAnyRequest() throws Exception {
        String bucket = bucket("e2e-no-parameter");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-no-parameter")) {
            Map<String, String> env = env(bucket, inbox.topicArn(), simulator);
            env.put("AV_PARAMETER_NAME", "/avpipeline/no-such-parameter");

            long before = simulator.stats().requests();
            AwsRunResult result = AwsRun.run(env, realPipeline(simulator), options(workDir));

            assertEquals(3, result.exitCode());
            assertEquals(Optional.of(FailureKind.API_KEY_RETRIEVAL), result.failure());
            assertEquals(before, simulator.stats().requests(), "no request to Alpha Vantage");
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: API Key Retrieval", n.subject());
            assertTrue(n.message().contains("/avpipeline/no-such-parameter"), n.message());
            assertTrue(keys(bucket).isEmpty(), keys(bucket).toString());
            assertKeyNowhere(List.of(n), bucket);
        }
    }

    @Test
    void aRejectedKeyFailsAsExecutionError() throws Exception {
        String bucket = bucket("e2e-bad-key");
        try (SimulatorServer rejecting = SimulatorServer.start(SimulatorConfig.defaults().withTickers(TICKERS)
                .withAsOf(AS_OF).withFaults(FaultPlan.parse("bad-key")));
                SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-bad-key")) {
            AwsRunResult result = AwsRun.run(env(bucket, inbox.topicArn(), rejecting), realPipeline(rejecting),
                    options(workDir));

            assertEquals(4, result.exitCode(), log());
            assertEquals(Optional.of(FailureKind.EXECUTION_ERROR), result.failure());
            assertEquals(1, rejecting.stats().requests(), "the first answer ends the run: no retry, nothing more");
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Execution Error", n.subject());
            assertTrue(n.message().contains("Failed step: [2/4] Running TTM pipeline\n"), n.message());
            assertTrue(n.message().contains("Alpha Vantage rejected the API key"), n.message());
            assertFailedRunKeptOnlyItsReport(bucket);
            assertKeyNowhere(List.of(n), bucket);
        }
    }

    @Test
    void aPremiumFunctionFailsAsExecutionErrorNamingIt() throws Exception {
        String bucket = bucket("e2e-premium");
        try (SimulatorServer premium = SimulatorServer.start(SimulatorConfig.defaults().withTickers(TICKERS)
                .withAsOf(AS_OF).withFaults(FaultPlan.parse("premium")));
                SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-premium")) {
            AwsRunResult result = AwsRun.run(env(bucket, inbox.topicArn(), premium), realPipeline(premium),
                    options(workDir));

            assertEquals(4, result.exitCode(), log());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Execution Error", n.subject());
            assertTrue(n.message().contains("Alpha Vantage function TIME_SERIES_DAILY_ADJUSTED needs a premium API key"),
                    n.message());
            assertFailedRunKeptOnlyItsReport(bucket);
            assertKeyNowhere(List.of(n), bucket);
        }
    }

    /** Issue 10: a failed pipeline keeps its report and manifest (outcome failed) in DATE.failed/, nothing else. */
    private static void assertFailedRunKeptOnlyItsReport(String bucket) {
        Set<String> artifacts = new java.util.TreeSet<>(keys(bucket));
        artifacts.removeIf(k -> !k.startsWith("ttm-artifacts/"));
        assertEquals(Set.of("ttm-artifacts/2025-01-06.failed/run_manifest.json",
                "ttm-artifacts/2025-01-06.failed/run_report.html"), artifacts);
        String manifest = s3.getObjectAsBytes(b -> b.bucket(bucket)
                .key("ttm-artifacts/2025-01-06.failed/run_manifest.json")).asUtf8String();
        assertTrue(manifest.contains("\"status\" : \"failed\""), manifest);
    }

    @Test
    void anArtifactThatIsGoneFailsAsArtifactNotFound() throws Exception {
        String bucket = bucket("e2e-no-artifact");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-no-artifact")) {
            // the real pipeline, whose artifact is removed before step 3 looks for it
            Function<AwsSettings, AwsPipeline> losing = settings -> {
                AwsPipeline real = AwsPipelineAdapter.of(settings, URI.create(simulator.baseUrl()), clock);
                return (key, store, dir) -> {
                    PipelineOutcome outcome = real.run(key, store, dir);
                    Files.delete(outcome.artifact());
                    return outcome;
                };
            };
            AwsRunResult result = AwsRun.run(env(bucket, inbox.topicArn(), simulator), losing, options(workDir));

            assertEquals(5, result.exitCode(), log());
            assertEquals(Optional.of(FailureKind.ARTIFACT_NOT_FOUND), result.failure());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Artifact Not Found", n.subject());
            assertTrue(n.message().contains("java.nio.file.NoSuchFileException: "
                    + workDir.resolve(ArtifactSchema.FILE_NAME)), n.message());
            assertTrue(keys(bucket).stream().noneMatch(k -> k.startsWith("ttm-artifacts/")), keys(bucket).toString());
            assertKeyNowhere(List.of(n), bucket);
        }
    }

    @Test
    void aBucketGoneBeforeTheUploadFailsAsS3UploadError() throws Exception {
        String bucket = bucket("e2e-upload-error");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-upload-error")) {
            List<String> rawKeysSeen = new ArrayList<>();
            // the real pipeline (its raw store in the bucket), then the bucket is emptied and deleted before step 3
            Function<AwsSettings, AwsPipeline> thenDropTheBucket = settings -> {
                AwsPipeline real = AwsPipelineAdapter.of(settings, URI.create(simulator.baseUrl()), clock);
                return (key, store, dir) -> {
                    PipelineOutcome outcome = real.run(key, store, dir);
                    assertKeyInNoObject(bucket);
                    rawKeysSeen.addAll(keys(bucket));
                    for (String k : keys(bucket)) {
                        s3.deleteObject(b -> b.bucket(bucket).key(k));
                    }
                    s3.deleteBucket(b -> b.bucket(bucket));
                    return outcome;
                };
            };
            AwsRunResult result = AwsRun.run(env(bucket, inbox.topicArn(), simulator), thenDropTheBucket,
                    options(workDir));

            assertEquals(6, result.exitCode(), log());
            assertEquals(Optional.of(FailureKind.S3_UPLOAD_ERROR), result.failure());
            assertTrue(rawKeysSeen.contains("raw/_etf/QQQ/ETF_PROFILE.json.gz"), rawKeysSeen.toString());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: S3 Upload Error", n.subject());
            assertTrue(n.message().contains("ArtifactUploadException: upload of " + ArtifactSchema.FILE_NAME
                    + " to s3://" + bucket + "/" + ARTIFACT_KEY + " failed"), n.message());
            assertTrue(n.message().contains("NoSuchBucket"), n.message());
            assertKeyNowhere(List.of(n), null);
        }
    }

    @Test
    void aMissingRequiredVariableIsReportedBeforeAnyWork() throws Exception {
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-no-bucket")) {
            Map<String, String> env = env("unused", inbox.topicArn(), simulator);
            env.remove("S3_BUCKET");
            int ssmRequests = ssm.requests().size();
            long avRequests = simulator.stats().requests();

            AwsRunResult result = AwsRun.run(env, realPipeline(simulator), options(workDir));

            assertEquals(2, result.exitCode());
            assertEquals(Optional.of(FailureKind.CONFIGURATION), result.failure());
            assertEquals(ssmRequests, ssm.requests().size(), "no key was retrieved");
            assertEquals(avRequests, simulator.stats().requests(), "nothing was fetched");
            assertTrue(logLines().contains("ERROR:   - S3_BUCKET is required (the artifact bucket, e.g. "
                    + "avpipeline-artifacts-prod)"), log());
            assertFalse(logLines().contains("[1/4] Retrieving API key from Parameter Store..."), log());
            SnsInbox.Notification n = single(inbox);
            assertEquals("Pipeline Failed: Configuration Error", n.subject());
            assertTrue(n.message().contains("  - S3_BUCKET is required"), n.message());
            assertKeyNowhere(List.of(n), null);
        }
    }

    /**
     * {@code avpipeline run --aws} itself: the flags (--etf, --rate-limit, --av-url, --start-date) go into the
     * environment of the AWS run; credentials come from the SDK's default chain (here its system properties).
     */
    @Test
    void runDashDashAwsMergesItsFlagsIntoTheAwsRun() throws Exception {
        String bucket = bucket("e2e-cli");
        String previousId = System.getProperty("aws.accessKeyId");
        String previousSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-cli")) {
            Map<String, String> env = env(bucket, inbox.topicArn(), simulator);
            env.put("ETF_SYMBOL", "SPY"); // the flag wins
            env.put("AV_BASE_URL", "http://127.0.0.1:9/query"); // the flag wins (nothing listens there)
            env.put("AV_RATE_LIMIT_PER_MIN", "1"); // the flag wins (at 1 a minute this test would take an hour)
            env.remove("START_DATE");
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new RunCommand(env));
            cl.setErr(new PrintWriter(err, true));

            int code = cl.execute("--aws", "--etf", "qqq", "--rate-limit", "6000", "--av-url", simulator.baseUrl(),
                    "--start-date", "2010-01-01");

            assertEquals(0, code, err + log());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Set<String> keys = keys(bucket);
            String artifactKey = keys.stream().filter(k -> k.endsWith("/" + ArtifactSchema.FILE_NAME)).findFirst()
                    .orElseThrow(() -> new AssertionError("no artifact in " + keys));
            assertTrue(artifactKey.equals("ttm-artifacts/" + today + "/" + ArtifactSchema.FILE_NAME)
                    || artifactKey.equals("ttm-artifacts/" + today.minusDays(1) + "/" + ArtifactSchema.FILE_NAME),
                    artifactKey);
            assertTrue(keys.contains("raw/_etf/QQQ/ETF_PROFILE.json.gz"), keys.toString());
            ArtifactFacts facts = ArtifactFacts.of(download(bucket, artifactKey));
            assertFalse(facts.firstDate().isBefore(LocalDate.of(2010, 1, 1)), "rows from the start date: " + facts);
            assertEquals(2010, facts.firstDate().getYear(), "rows from the start date: " + facts);
            SnsInbox.Notification n = single(inbox);
            assertTrue(n.subject().startsWith("Pipeline Success: "), n.subject());
            assertTrue(n.message().contains("ETF: QQQ (start date 2010-01-01)\n"), n.message());
            assertKeyNowhere(List.of(n), bucket);

            // again with --refresh: everything is fetched again, however fresh
            long before = simulator.stats().requests();
            code = cl.execute("--aws", "--rate-limit", "6000", "--av-url", simulator.baseUrl(), "--refresh");
            assertEquals(0, code, err + log());
            assertEquals(1 + 6 * TICKERS + 1, simulator.stats().requests() - before, "--refresh reaches the fetch");
            assertTrue(single(inbox).subject().startsWith("Pipeline Success: "));
        } finally {
            deleteWorkDirectory(); // the production run works in a temporary directory of its own
            restoreProperty("aws.accessKeyId", previousId);
            restoreProperty("aws.secretAccessKey", previousSecret);
        }
    }

    @Test
    void runDashDashAwsRejectsBadFlagsBeforeAnyWork() {
        Map<String, String> env = env("e2e-never", "arn:aws:sns:us-east-1:000000000000:e2e-never", simulator);
        long avRequests = simulator.stats().requests();
        int ssmRequests = ssm.requests().size();
        for (String[] args : List.of(new String[] {"--aws", "--tickers", "AAPL"},
                new String[] {"--aws", "--av-url", "ftp://example.org"},
                new String[] {"--aws", "--api-key", "SOMEKEY"},
                new String[] {"--aws", "--data-dir", "/tmp/somewhere"},
                new String[] {"--aws", "--max-age", "soon"},
                new String[] {"--aws", "--concurrency", "0"},
                new String[] {"--aws", "--threads", "0"})) {
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new RunCommand(env));
            cl.setErr(new PrintWriter(err, true));
            assertEquals(2, cl.execute(args), String.join(" ", args) + ": " + err);
            assertTrue(err.toString().startsWith("avpipeline run: "), err.toString());
        }
        assertEquals(avRequests, simulator.stats().requests());
        assertEquals(ssmRequests, ssm.requests().size());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Function<AwsSettings, AwsPipeline> realPipeline(SimulatorServer server) {
        URI url = URI.create(server.baseUrl());
        // the daily panel alone: the companion files' AWS run is AwsCompanionsEndToEndTest's
        return settings -> AwsPipelineAdapter.of(settings, url, clock,
                org.avpipeline.fetch.FetchPolicy.defaults(settings.rateLimitPerMinute()), false);
    }

    private AwsRun.Options options(Path dir) {
        return new AwsRun.Options(TestAws.CREDENTIALS, clock, Optional.of(dir), () -> System.out);
    }

    private static Map<String, String> env(String bucket, String topicArn, SimulatorServer server) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("S3_BUCKET", bucket);
        env.put("SNS_TOPIC_ARN", topicArn);
        env.put("ETF_SYMBOL", "QQQ");
        env.put("START_DATE", "2004-12-31");
        env.put("AV_PARAMETER_NAME", PARAMETER);
        env.put("AV_RATE_LIMIT_PER_MIN", "6000");
        env.put("AV_BASE_URL", server.baseUrl());
        env.put("COMPANION_ARTIFACTS", "false");
        env.put("AWS_ENDPOINT_URL_S3", TestAws.local(S3_MOCK.getHttpPort()).toString());
        env.put("AWS_ENDPOINT_URL_SNS", FAUXQS.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
        return env;
    }

    private static String bucket(String name) {
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private static Set<String> keys(String bucket) {
        Set<String> keys = new TreeSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** Every constituent's six answers (with their records), the ETF's profile; nothing for GONE. */
    private void assertRawStore(String bucket, Set<String> keys) throws IOException {
        assertTrue(keys.contains("raw/_etf/QQQ/ETF_PROFILE.json.gz"), keys.toString());
        assertTrue(keys.contains("raw/_etf/QQQ/ETF_PROFILE.meta.json"), keys.toString());
        for (String ticker : simulator.market().tickers()) {
            for (AvFunction f : AvFunction.PER_TICKER) {
                String key = "raw/" + ticker + "/" + f.name() + ".json.gz";
                assertTrue(keys.contains(key), key + " in " + keys);
                assertTrue(keys.contains("raw/" + ticker + "/" + f.name() + ".meta.json"), key);
            }
            // what is stored is the answer as received, and it parses
            byte[] body = gunzip(s3.getObjectAsBytes(b -> b.bucket(bucket)
                    .key("raw/" + ticker + "/EARNINGS.json.gz")).asByteArray());
            AnswerParsers.check(AvFunction.EARNINGS, ticker, body);
        }
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("raw/GONE/")), keys.toString());
        long answers = keys.stream().filter(k -> k.startsWith("raw/") && k.endsWith(".json.gz")).count();
        assertEquals(1 + 6 * TICKERS, answers, keys.toString());
    }

    private Path download(String bucket, String key) throws IOException {
        Path file = Files.createTempFile(workDir, "download-", ".parquet");
        Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        return file;
    }

    private static JsonNode manifest(String bucket) throws IOException {
        return JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(FOLDER + "run_manifest.json"))
                .asByteArray());
    }

    /** The manifest's fetch counts by data type: [fetched, skipped as fresh, failed]. */
    private static Map<String, List<Integer>> fetchByType(JsonNode manifest) {
        Map<String, List<Integer>> counts = new java.util.LinkedHashMap<>();
        for (JsonNode t : manifest.path("funnel").path("fetch_by_type")) {
            counts.put(t.path("data_type").asText(), List.of(t.path("fetched").asInt(-1),
                    t.path("skipped_fresh").asInt(-1), t.path("failed").asInt(-1)));
        }
        return counts;
    }

    private static SnsInbox.Notification single(SnsInbox inbox) {
        List<SnsInbox.Notification> all = inbox.drain();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<String> logLines() {
        return log().lines().toList();
    }

    private static void assertInOrder(List<String> lines, String... expected) {
        int from = 0;
        for (String e : expected) {
            int at = -1;
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).equals(e) || lines.get(i).startsWith(e + " ")) {
                    at = i;
                    break;
                }
            }
            assertTrue(at >= 0, "'" + e + "' after line " + from + " in:\n" + String.join("\n", lines));
            from = at + 1;
        }
    }

    /** The key is in no captured line, no notification, no object of the bucket (body, gunzipped, or metadata). */
    private void assertKeyNowhere(List<SnsInbox.Notification> notifications, String bucket) throws IOException {
        assertFalse(log().contains(API_KEY), "the API key is in the captured output");
        for (SnsInbox.Notification n : notifications) {
            assertFalse(n.subject().contains(API_KEY) || n.message().contains(API_KEY), "the API key is in " + n);
        }
        if (bucket != null) {
            assertKeyInNoObject(bucket);
        }
    }

    private static void assertKeyInNoObject(String bucket) throws IOException {
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            var stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()));
            byte[] bytes = stored.asByteArray();
            if (object.key().endsWith(".gz")) {
                bytes = gunzip(bytes);
            }
            assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(API_KEY),
                    "the API key is in " + object.key());
            assertFalse(stored.response().metadata().toString().contains(API_KEY),
                    "the API key is in the metadata of " + object.key());
        }
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    /** Deletes the work directory the log names (a fresh temporary directory when the run was not given one). */
    private void deleteWorkDirectory() throws IOException {
        for (String line : logLines()) {
            if (line.startsWith("Work directory: ")) {
                Path dir = Path.of(line.substring("Work directory: ".length()));
                if (dir.getFileName().toString().startsWith("avpipeline-aws-") && Files.isDirectory(dir)) {
                    try (var files = Files.walk(dir)) {
                        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
    }

    private static void restoreProperty(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    /** What DuckDB reads in a Parquet file. */
    record ArtifactFacts(int columns, long rows, Set<String> tickers, LocalDate firstDate) {
        static ArtifactFacts of(Path parquet) throws SQLException {
            String file = "'" + parquet.toAbsolutePath().toString().replace("'", "''") + "'";
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                int columns;
                try (ResultSet rs = s.executeQuery("SELECT * FROM read_parquet(" + file + ") LIMIT 0")) {
                    columns = rs.getMetaData().getColumnCount();
                }
                long rows;
                LocalDate first;
                try (ResultSet rs = s.executeQuery("SELECT count(*), min(date) FROM read_parquet(" + file + ")")) {
                    rs.next();
                    rows = rs.getLong(1);
                    first = rs.getObject(2, LocalDate.class);
                }
                Set<String> tickers = new TreeSet<>();
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT ticker FROM read_parquet(" + file + ")")) {
                    while (rs.next()) {
                        tickers.add(rs.getString(1));
                    }
                }
                return new ArtifactFacts(columns, rows, tickers, first);
            }
        }
    }
}
