package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.avpipeline.raw.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** {@link S3ArtifactPublisher} against S3Mock (in-process, HTTP, path-style). */
class S3ArtifactPublisherTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 5);
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void client() {
        s3 = TestAws.s3(S3_MOCK.getHttpPort());
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static String bucket(String name) {
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private Path randomFile(String name, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aLargeFileGoesUpInPartsWithAVerifiedCompositeChecksum() throws Exception {
        String bucket = bucket("multipart");
        int size = 20 * 1024 * 1024 + 12_345; // > 16 MiB: three parts of 8 MiB, the last one short
        Path file = randomFile("big.parquet", size, 1);

        PublishedObject published = new S3ArtifactPublisher(s3, bucket).publishArtifact(file, RUN_DATE);

        assertEquals("s3://multipart/ttm-artifacts/2025-01-05/ttm_per_share_financial_artifact.parquet",
                published.uri());
        assertEquals(size, published.sizeBytes());
        assertEquals(3, published.parts());
        assertEquals("COMPOSITE", published.checksumType());
        assertTrue(published.checksum().endsWith("-3"), published.checksum());
        assertEquals(HexFormat.of().formatHex(Sha256.digest().digest(Files.readAllBytes(file))),
                published.sha256Hex());
        var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(published.key())
                .checksumMode(ChecksumMode.ENABLED));
        assertArrayEquals(Files.readAllBytes(file), object.asByteArray());
        assertEquals("application/vnd.apache.parquet", object.response().contentType());
        assertEquals(published.checksum(), object.response().checksumSHA256());
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
    }

    @Test
    void aSmallFileGoesUpInOnePutWithItsSha256() throws Exception {
        String bucket = bucket("single");
        Path report = Files.writeString(dir.resolve("run_report.html"), "<html><body>report</body></html>");

        PublishedObject published = new S3ArtifactPublisher(s3, bucket).publishBeside(report, RUN_DATE);

        assertEquals("ttm-artifacts/2025-01-05/run_report.html", published.key());
        assertEquals(1, published.parts());
        assertEquals("FULL_OBJECT", published.checksumType());
        var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(published.key())
                .checksumMode(ChecksumMode.ENABLED));
        assertEquals("<html><body>report</body></html>", object.asUtf8String());
        GetObjectResponse response = object.response();
        assertEquals(published.checksum(), response.checksumSHA256());
        assertEquals("text/html;charset=utf-8", response.contentType().replace(" ", ""));
    }

    @Test
    void aFailedPartAbortsTheUploadAndWritesNothingAtTheKey() throws Exception {
        String bucket = bucket("failing");
        String key = S3ArtifactPublisher.artifactKey(RUN_DATE);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("previous artifact"));
        FailSecondPart failure = new FailSecondPart();
        Path file = randomFile("big.parquet", 17 * 1024 * 1024, 2);

        try (S3Client failing = TestAws.s3(S3_MOCK.getHttpPort(), failure)) {
            ArtifactUploadException e = assertThrows(ArtifactUploadException.class,
                    () -> new S3ArtifactPublisher(failing, bucket).publishArtifact(file, RUN_DATE));
            assertTrue(e.getMessage().endsWith("failed (aborted)"), e.getMessage());
            assertEquals("injected failure of part 2", e.getCause().getMessage());
        }

        // nothing but the upload's own requests reached the key: no PutObject, no Complete, no Delete
        assertEquals(List.of("CreateMultipartUpload " + key, "UploadPart 1", "UploadPart 2",
                "AbortMultipartUpload " + key), failure.calls);
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty(),
                "the multipart upload was aborted");
    }

    @Test
    void aFailedUploadLeavesThePreviousArtifactsAsTheyWere() throws Exception {
        // Previous runs' artifacts live under their own dates. (A same-day re-run replaces the object at its key only
        // when CompleteMultipartUpload succeeds; S3Mock 4.12.4 cannot show that case, because, unlike S3, it unlinks
        // the object at the key on AbortMultipartUpload: the test above checks the requests the publisher sends.)
        String bucket = bucket("failing-previous");
        String yesterday = S3ArtifactPublisher.artifactKey(RUN_DATE.minusDays(7));
        s3.putObject(b -> b.bucket(bucket).key(yesterday), RequestBody.fromString("previous artifact"));
        Path file = randomFile("big.parquet", 17 * 1024 * 1024, 4);

        try (S3Client failing = TestAws.s3(S3_MOCK.getHttpPort(), new FailSecondPart())) {
            assertThrows(ArtifactUploadException.class,
                    () -> new S3ArtifactPublisher(failing, bucket).publishArtifact(file, RUN_DATE));
        }

        assertEquals("previous artifact", s3.getObjectAsBytes(b -> b.bucket(bucket).key(yesterday)).asUtf8String());
        assertThrows(NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key(S3ArtifactPublisher.artifactKey(RUN_DATE))));
    }

    @Test
    void aFailedUploadToAFreshKeyLeavesNoObject() throws Exception {
        String bucket = bucket("failing-fresh");
        FailSecondPart failure = new FailSecondPart();
        Path file = randomFile("big.parquet", 17 * 1024 * 1024, 3);

        try (S3Client failing = TestAws.s3(S3_MOCK.getHttpPort(), failure)) {
            assertThrows(ArtifactUploadException.class,
                    () -> new S3ArtifactPublisher(failing, bucket).publishArtifact(file, RUN_DATE));
        }

        assertThrows(NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket(bucket).key(S3ArtifactPublisher.artifactKey(RUN_DATE))));
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty());
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
    }

    @Test
    void aMissingBucketIsAnUploadError() throws Exception {
        Path file = Files.writeString(dir.resolve("a.parquet"), "PAR1");
        ArtifactUploadException e = assertThrows(ArtifactUploadException.class,
                () -> new S3ArtifactPublisher(s3, "no-such-bucket").publishArtifact(file, RUN_DATE));
        assertTrue(e.getMessage().contains("s3://no-such-bucket/ttm-artifacts/2025-01-05/"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void thePartSizeAndThresholdAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new S3ArtifactPublisher(s3, "b", 16 * S3ArtifactPublisher.MIB, S3ArtifactPublisher.MIB));
        assertThrows(IllegalArgumentException.class,
                () -> new S3ArtifactPublisher(s3, "b", 6 * S3ArtifactPublisher.MIB, 8 * S3ArtifactPublisher.MIB));
    }

    /** Fails the second UploadPart before it is sent and records every request. */
    static final class FailSecondPart implements ExecutionInterceptor {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof CreateMultipartUploadRequest create) {
                calls.add("CreateMultipartUpload " + create.key());
            } else if (request instanceof UploadPartRequest part) {
                calls.add("UploadPart " + part.partNumber());
                if (part.partNumber() == 2) {
                    throw SdkClientException.create("injected failure of part 2");
                }
            } else if (request instanceof AbortMultipartUploadRequest abort) {
                calls.add("AbortMultipartUpload " + abort.key());
            } else {
                calls.add(request.getClass().getSimpleName());
            }
        }
    }
}
