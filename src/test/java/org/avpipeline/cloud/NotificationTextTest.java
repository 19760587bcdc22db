package org.avpipeline.cloud;

import org.avpipeline.alphavantage.ApiKeyRedactor;
import org.avpipeline.report.ByteSizes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotificationTextTest {
    private static final LocalDate DATE = LocalDate.of(2025, 1, 5);

    private static AwsSettings settings() throws InvalidSettingsException {
        return AwsSettings.fromEnvironment(Map.of("S3_BUCKET", "avpipeline-artifacts-prod",
                "SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:avpipeline-notifications"));
    }

    private static PublishedObject artifact() {
        return new PublishedObject("avpipeline-artifacts-prod", S3ArtifactPublisher.artifactKey(DATE), 88_301_234L,
                "SHA256", "abc=-11", "COMPOSITE", "00ff", 11);
    }

    @Test
    void theSuccessBodyCarriesTimeDateLocationCountsAndSize() throws Exception {
        RunSummary summary = new RunSummary(101, 99, 2, 98,
                List.of(new RunSummary.FailedTicker("XYZ", "no data"), new RunSummary.FailedTicker("ABC", "HTTP 500")),
                123_456L, 159, 88_301_234L);

        String body = NotificationText.successBody(DATE, Duration.ofSeconds(754), settings(), artifact(), List.of(),
                summary);

        assertTrue(body.contains("Execution time: 12.57 minutes\n"), body);
        assertTrue(body.contains("Date: 2025-01-05\n"), body);
        assertTrue(body.contains("Artifact: s3://avpipeline-artifacts-prod/ttm-artifacts/2025-01-05/"
                + "ttm_per_share_financial_artifact.parquet\n"), body);
        assertTrue(body.contains("Size: 84.2 MiB (88,301,234 bytes)\n"), body);
        assertTrue(body.contains("Tickers in the universe: 101\nTickers fetched: 99\nTickers failed: 2\n"
                + "Tickers in the artifact: 98\nRows: 123,456\nColumns: 159\n"), body);
        assertTrue(body.contains("Failed tickers (all 2):\n  XYZ: no data\n  ABC: HTTP 500\n"), body);
    }

    /** Issue 10: the degraded notification says so in its subject and lists why and what was lost. */
    @Test
    void theDegradedNotificationSaysWhyAndWhatWasLost() throws Exception {
        RunSummary summary = new RunSummary(20, 19, 1, 19, List.of(), 1000, 159, 5000);
        org.avpipeline.report.RunOutcome outcome = new org.avpipeline.report.RunOutcome(
                org.avpipeline.report.OutcomeStatus.DEGRADED, List.of("rows fell from 2,000 to 1,000"),
                List.of("ACMA: not in the artifact (had 1000 rows)", "ACMB: lost INCOME_STATEMENT"), false, false,
                "20250104T060000Z-qqq", "s3://b/k", org.avpipeline.report.OutcomeThresholds.defaults(), List.of());
        assertEquals("Pipeline Degraded: 2025-01-05", NotificationText.degradedSubject(DATE));
        String body = NotificationText.degradedBody(DATE, Duration.ofSeconds(60), settings(), artifact(), List.of(),
                summary, outcome);
        assertTrue(body.startsWith("The avpipeline TTM pipeline is DEGRADED"), body);
        assertTrue(body.contains("(20250104T060000Z-qqq)"), body);
        assertTrue(body.contains("NOT published"), body);
        assertTrue(body.contains("Why:\n  rows fell from 2,000 to 1,000\n"), body);
        assertTrue(body.contains("Lost (all 2):\n  ACMA: not in the artifact (had 1000 rows)\n  ACMB: lost "
                + "INCOME_STATEMENT\n"), body);
        assertTrue(body.contains("Tickers in the artifact: 19\n"), body);
        assertFalse(body.contains("completed successfully"), body);
    }

    @Test
    void theSuccessBodyTellsWhereTheRunReportIs() throws Exception {
        String folder = "ttm-artifacts/2025-01-05/";
        List<PublishedObject> extras = List.of(
                new PublishedObject("avpipeline-artifacts-prod", folder + "run_report.html", 9_000, "SHA256", "a=",
                        "FULL_OBJECT", "01", 1),
                new PublishedObject("avpipeline-artifacts-prod", folder + "run_manifest.json", 4_000, "SHA256", "b=",
                        "FULL_OBJECT", "02", 1),
                new PublishedObject("avpipeline-artifacts-prod", folder + "notes.txt", 10, "SHA256", "c=",
                        "FULL_OBJECT", "03", 1));
        RunSummary summary = new RunSummary(1, 1, 0, 1, List.of(), 10, 159, 1000);

        String body = NotificationText.successBody(DATE, Duration.ZERO, settings(), artifact(), extras, summary);

        assertTrue(body.contains("Run report: s3://avpipeline-artifacts-prod/" + folder + "run_report.html\n"), body);
        assertTrue(body.contains("Run manifest: s3://avpipeline-artifacts-prod/" + folder + "run_manifest.json\n"),
                body);
        assertTrue(body.contains("Also uploaded: s3://avpipeline-artifacts-prod/" + folder + "notes.txt\n"), body);
        assertFalse(body.contains("Also uploaded: s3://avpipeline-artifacts-prod/" + folder + "run_report.html"), body);
    }

    @Test
    void theSuccessBodyListsTheFirstTwentyFailedTickers() throws Exception {
        List<RunSummary.FailedTicker> failures = IntStream.rangeClosed(1, 23)
                .mapToObj(i -> new RunSummary.FailedTicker("T" + i, "reason " + i + "\nsecond line")).toList();
        RunSummary summary = new RunSummary(100, 77, 23, 77, failures, 10, 159, 1000);

        String body = NotificationText.successBody(DATE, Duration.ZERO, settings(), artifact(), List.of(), summary);

        assertTrue(body.contains("Failed tickers (first 20 of 23):\n"), body);
        assertTrue(body.contains("  T20: reason 20 second line\n"), body);
        assertFalse(body.contains("T21:"), body);
        assertTrue(body.contains("  ... and 3 more\n"), body);
    }

    @Test
    void errorDetailsGiveEachCauseClassAndMessageOnOneLine() {
        Exception e = new IllegalStateException("build failed", new IOException("disk\nfull"));
        assertEquals("java.lang.IllegalStateException: build failed\nCaused by: java.io.IOException: disk full",
                NotificationText.errorDetails(e));
    }

    @Test
    void theFailureBodyNamesTheStepAndCarriesTheDetails() {
        String body = NotificationText.failureBody(FailureKind.S3_UPLOAD_ERROR, DATE, Duration.ofSeconds(90),
                "x.Y: broken");
        assertTrue(body.contains("Failed step: [3/4] Uploading artifact to S3\n"), body);
        assertTrue(body.contains("Execution time: 1.50 minutes\n"), body);
        assertTrue(body.contains("Error details:\nx.Y: broken\n"), body);
    }

    @Test
    void subjectsAreTheOriginalOnesAndFitSns() {
        assertEquals("Pipeline Success: 2025-01-05", NotificationText.successSubject(DATE));
        assertEquals(List.of("Pipeline Failed: Configuration Error", "Pipeline Failed: API Key Retrieval",
                        "Pipeline Failed: Execution Error", "Pipeline Failed: Artifact Not Found",
                        "Pipeline Failed: S3 Upload Error"),
                List.of(FailureKind.values()).stream().map(FailureKind::subject).toList());
        assertEquals(5, List.of(FailureKind.values()).stream().mapToInt(FailureKind::exitCode).distinct().count());
        for (FailureKind k : FailureKind.values()) {
            assertEquals(k.subject(), SnsNotifier.subject(k.subject()));
        }
    }

    @Test
    void sizesAreHumanReadable() {
        assertEquals("0 bytes", ByteSizes.human(0));
        assertEquals("1 byte", ByteSizes.human(1));
        assertEquals("1023 bytes", ByteSizes.human(1023));
        assertEquals("1.0 KiB", ByteSizes.human(1024));
        assertEquals("1.5 MiB", ByteSizes.human(1536 * 1024));
        assertEquals("2.0 GiB", ByteSizes.human(2L << 30));
    }
}
