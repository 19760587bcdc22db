package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableSchema;
import org.avpipeline.cloud.AwsRun;
import org.avpipeline.cloud.AwsRunResult;
import org.avpipeline.cloud.FauxqsExtension;
import org.avpipeline.cloud.SnsInbox;
import org.avpipeline.cloud.SsmFake;
import org.avpipeline.cloud.TestAws;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS run with the companion files, on the emulators like {@link AwsEndToEndTest}: the real pipeline against the
 * in-process simulator, S3Mock for S3, {@link SsmFake} for the key and fauxqs for SNS (skipped with a message, like
 * the other SNS tests, when Node's fauxqs is not installed). The three companion files
 * are uploaded beside the artifact, before the run report, read back by DuckDB, listed in the manifest and in the
 * success notification; a second run the same day asks for no OVERVIEW it has stored.
 */
class AwsCompanionsEndToEndTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    @RegisterExtension
    static final FauxqsExtension FAUXQS = new FauxqsExtension();

    private static final String PARAMETER = "/avpipeline/alpha-vantage-api-key";
    private static final Instant START = Instant.parse("2025-01-06T06:00:00Z");
    private static final String FOLDER = "ttm-artifacts/2025-01-06/";
    private static final int TICKERS = 10;

    private static SimulatorServer simulator;
    private static SsmFake ssm;
    private static S3Client s3;

    @TempDir
    Path workDir;

    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));

    @BeforeAll
    static void startServers() throws Exception {
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(TICKERS)
                .withAsOf(LocalDate.of(2025, 1, 3)));
        ssm = new SsmFake();
        ssm.put(PARAMETER, "COMPANIONKEY123");
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

    @Test
    void theCompanionFilesArePublishedBesideTheArtifactAndListedEverywhere() throws Exception {
        String bucket = "e2e-companions";
        s3.createBucket(b -> b.bucket(bucket));
        URI url = URI.create(simulator.baseUrl());
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "e2e-companions")) {
            Map<String, String> env = env(bucket, inbox.topicArn());
            AwsRun.Options options = new AwsRun.Options(TestAws.CREDENTIALS, clock, Optional.of(workDir.resolve("1")),
                    () -> System.out);
            AwsRunResult first = AwsRun.run(env, settings -> AwsPipelineAdapter.of(settings, url, clock,
                    FetchPolicy.defaults(settings.rateLimitPerMinute()), true), options);
            assertEquals(0, first.exitCode());

            Set<String> keys = new TreeSet<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
            for (TableSchema t : CompanionSchemas.WITH_PANEL) {
                assertTrue(keys.contains(FOLDER + t.fileName()), t.fileName() + " in " + keys);
            }
            // OVERVIEW stored for every ticker: the fund's {} is stored too, as no profile
            assertEquals(TICKERS, keys.stream().filter(k -> k.endsWith("/OVERVIEW.json.gz")).count(),
                    keys.toString());

            Path dir = Files.createDirectories(workDir.resolve("download"));
            for (TableSchema t : CompanionSchemas.WITH_PANEL) {
                Files.write(dir.resolve(t.fileName()), s3.getObjectAsBytes(b -> b.bucket(bucket)
                        .key(FOLDER + t.fileName())).asByteArray());
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
                assertEquals(count(st, dir.resolve(ArtifactSchema.FILE_NAME)),
                        count(st, dir.resolve(CompanionSchemas.PRICES.fileName())), "a price row per panel row");
                assertTrue(count(st, dir.resolve(CompanionSchemas.QUARTERLY.fileName())) > TICKERS * 20);
                assertEquals(TICKERS - 1, count(st, dir.resolve(CompanionSchemas.PROFILES.fileName())));
            }

            JsonNode manifest = new ObjectMapper().readTree(s3.getObjectAsBytes(b -> b.bucket(bucket)
                    .key(FOLDER + "run_manifest.json")).asByteArray());
            List<String> listed = new java.util.ArrayList<>();
            manifest.path("companions").forEach(n -> listed.add(n.path("file_name").asText()));
            assertEquals(CompanionSchemas.ALL.stream().map(TableSchema::fileName).toList(), listed);
            String report = s3.getObjectAsBytes(b -> b.bucket(bucket).key(FOLDER + "run_report.html")).asUtf8String();
            assertTrue(report.contains("price_artifact.parquet"), "the run report lists the companions");

            {
                List<SnsInbox.Notification> all = inbox.drain();
                assertEquals(1, all.size(), all.toString());
                String body = all.get(0).message();
                assertTrue(body.contains("Quarterly artifact: s3://" + bucket + "/" + FOLDER
                        + "ttm_quarterly_artifact.parquet\n"), body);
                assertTrue(body.contains("Price artifact: s3://" + bucket + "/" + FOLDER + "price_artifact.parquet\n"),
                        body);
                assertTrue(body.contains("Company profiles: s3://" + bucket + "/" + FOLDER
                        + "company_profile.parquet\n"), body);
                assertTrue(body.indexOf("Company profiles:") < body.indexOf("Run report:"), body);
            }

            long before = simulator.stats().requests();
            AwsRunResult second = AwsRun.run(env, settings -> AwsPipelineAdapter.of(settings, url, clock,
                    FetchPolicy.defaults(settings.rateLimitPerMinute()), true),
                    new AwsRun.Options(TestAws.CREDENTIALS, clock, Optional.of(workDir.resolve("2")), () -> System.out));
            assertEquals(0, second.exitCode());
            // only what was never stored is asked again: GONE's prices, whose "unknown symbol" skips the rest (the
            // fund's {} OVERVIEW was stored as no profile)
            assertEquals(1, simulator.stats().requests() - before);
        }
    }

    private static long count(Statement st, Path file) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file.toAbsolutePath() + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> env(String bucket, String topicArn) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("S3_BUCKET", bucket);
        env.put("SNS_TOPIC_ARN", topicArn);
        env.put("ETF_SYMBOL", "QQQ");
        env.put("START_DATE", "2004-12-31");
        env.put("AV_PARAMETER_NAME", PARAMETER);
        env.put("AV_RATE_LIMIT_PER_MIN", "6000");
        env.put("AV_BASE_URL", simulator.baseUrl());
        env.put("AWS_ENDPOINT_URL_S3", TestAws.local(S3_MOCK.getHttpPort()).toString());
        env.put("AWS_ENDPOINT_URL_SNS", FAUXQS.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
        return env;
    }
}
