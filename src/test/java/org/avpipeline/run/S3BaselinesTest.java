package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.avpipeline.cloud.TestAws;
import org.avpipeline.report.ArtifactFacts;
import org.avpipeline.report.Cleaning;
import org.avpipeline.report.Coverage;
import org.avpipeline.report.FetchStats;
import org.avpipeline.report.Funnel;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunInfo;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunManifestJson;
import org.avpipeline.report.RunMode;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.report.RunStatus;
import org.avpipeline.report.TickerContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The AWS run's baseline: the newest published manifest in the bucket, not after the run date (issue 10). */
class S3BaselinesTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    private static RunManifest manifest(String runId, RunStatus status, long rows, List<TickerContents> contents) {
        RunInfo run = RunInfo.of(runId, status, RunMode.AWS, "QQQ", LocalDate.of(2004, 12, 31),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:10:00Z"), "s3://x", "test");
        return RunManifest.of(run, new Funnel(2, 2, List.of(), List.of(), List.of(), 2, 2),
                FetchStats.of(0, 0, 0, List.of(), 0, 75), Cleaning.of(List.of(), List.of()), Coverage.empty(),
                status == RunStatus.FAILED ? null : new ArtifactFacts("a.parquet", rows, 159, 1, null, null, 2),
                List.of()).withOutcome(new RunOutcome(status == RunStatus.FAILED ? OutcomeStatus.FAILED
                        : OutcomeStatus.SUCCESS, List.of(), List.of(), true, false, null, null,
                        OutcomeThresholds.defaults(), contents));
    }

    private static void put(S3Client s3, String key, RunManifest m) {
        s3.putObject(b -> b.bucket("base").key(key), RequestBody.fromString(RunManifestJson.toJson(m)));
    }

    @Test
    void theNewestPublishedManifestNotAfterTheRunDateIsTheBaseline() {
        try (S3Client s3 = TestAws.s3(S3_MOCK.getHttpPort())) {
            s3.createBucket(b -> b.bucket("base"));
            assertEquals(Optional.empty(), S3Baselines.latest(s3, "base", LocalDate.of(2025, 1, 5)));
            List<TickerContents> two = List.of(new TickerContents("A", 10, List.of("SPLITS")),
                    new TickerContents("B", 10, List.of()));
            put(s3, "ttm-artifacts/2025-01-03/run_manifest.json", manifest("r3", RunStatus.SUCCESS, 20, two));
            put(s3, "ttm-artifacts/2025-01-04/run_manifest.json", manifest("r4", RunStatus.SUCCESS, 21, two));
            put(s3, "ttm-artifacts/2025-01-05.degraded/run_manifest.json", manifest("r5d", RunStatus.DEGRADED, 5,
                    List.of()));
            put(s3, "ttm-artifacts/2025-01-05.failed/run_manifest.json", manifest("r5f", RunStatus.FAILED, 0,
                    List.of()));
            put(s3, "ttm-artifacts/2025-01-09/run_manifest.json", manifest("r9", RunStatus.SUCCESS, 99, two));

            OutcomeRules.Baseline b = S3Baselines.latest(s3, "base", LocalDate.of(2025, 1, 5)).orElseThrow();
            assertEquals("r4", b.runId());
            assertEquals(21, b.rows());
            assertEquals(two, b.contents());
            assertTrue(b.location().endsWith("ttm-artifacts/2025-01-04/ttm_per_share_financial_artifact.parquet"));
        }
    }
}
