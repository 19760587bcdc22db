package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.AnswerMetadataJson;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.Sha256;
import org.avpipeline.raw.StoredAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link S3RawStore} against S3Mock (in-process, HTTP, path-style). */
class S3RawStoreTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    private static final RawKey EARNINGS = RawKey.of("aapl", AvFunction.EARNINGS);
    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = TestAws.s3(S3_MOCK.getHttpPort());
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static S3RawStore store(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        return new S3RawStore(s3, bucket);
    }

    private static AnswerMetadata metadataOf(byte[] body, String fetchedAt) {
        return new AnswerMetadata(Instant.parse(fetchedAt), "function=EARNINGS&symbol=AAPL", Sha256.hex(body));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerRoundTripsWithTheLocalLayoutGzipAndTheJsonRecord() throws Exception {
        S3RawStore store = store("raw-round-trip");
        byte[] body = utf8("{\"symbol\":\"AAPL\",\"quarterlyEarnings\":[{\"reportedEPS\":\"1.64\"}]}");
        AnswerMetadata metadata = metadataOf(body, "2025-01-05T06:01:02Z");

        store.write(EARNINGS, body, metadata);

        List<String> keys = s3.listObjectsV2(b -> b.bucket("raw-round-trip")).contents().stream()
                .map(S3Object::key).sorted().toList();
        assertEquals(List.of("raw/AAPL/EARNINGS.json.gz", "raw/AAPL/EARNINGS.meta.json"), keys);
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket("raw-round-trip").key("raw/AAPL/EARNINGS.json.gz"))
                .asByteArray();
        try (var in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            assertArrayEquals(body, in.readAllBytes());
        }
        byte[] record = s3.getObjectAsBytes(b -> b.bucket("raw-round-trip").key("raw/AAPL/EARNINGS.meta.json"))
                .asByteArray();
        assertEquals(metadata, AnswerMetadataJson.fromJson(record));

        StoredAnswer read = store.read(EARNINGS).orElseThrow();
        assertArrayEquals(body, read.body());
        assertEquals(metadata, read.metadata());
        assertEquals(Optional.of(metadata), store.metadata(EARNINGS));
        assertEquals("s3://raw-round-trip/", store.describe());
    }

    @Test
    void anEtfProfileGoesUnderTheEtfFolderAndTheObjectCarriesItsMetadata() throws Exception {
        S3RawStore store = store("raw-etf");
        byte[] body = utf8("{\"holdings\":[]}");
        AnswerMetadata metadata = new AnswerMetadata(Instant.parse("2025-01-05T06:00:00Z"),
                "function=ETF_PROFILE&symbol=QQQ", Sha256.hex(body));

        store.write(RawKey.etfProfile("QQQ"), body, metadata);

        var head = s3.headObject(b -> b.bucket("raw-etf").key("raw/_etf/QQQ/ETF_PROFILE.json.gz"));
        assertEquals("2025-01-05T06:00:00Z", head.metadata().get("avp-fetched-at"));
        assertEquals(metadata.sha256(), head.metadata().get("avp-sha256"));
        assertEquals("function=ETF_PROFILE&symbol=QQQ", head.metadata().get("avp-request"));
    }

    @Test
    void nothingStoredReadsAsEmpty() throws Exception {
        S3RawStore store = store("raw-empty");
        assertEquals(Optional.empty(), store.read(EARNINGS));
        assertEquals(Optional.empty(), store.metadata(EARNINGS));
    }

    @Test
    void aRewriteReplacesTheAnswerAndItsRecord() throws Exception {
        S3RawStore store = store("raw-rewrite");
        byte[] first = utf8("{\"quarterlyEarnings\":[1]}");
        byte[] second = utf8("{\"quarterlyEarnings\":[1,2]}");
        store.write(EARNINGS, first, metadataOf(first, "2025-01-05T06:00:00Z"));
        store.write(EARNINGS, second, metadataOf(second, "2025-01-12T06:00:00Z"));

        StoredAnswer read = store.read(EARNINGS).orElseThrow();
        assertArrayEquals(second, read.body());
        assertEquals(Instant.parse("2025-01-12T06:00:00Z"), read.metadata().fetchedAt());
    }

    @Test
    void aBodyThatNoLongerMatchesItsHashIsAnError() throws Exception {
        S3RawStore store = store("raw-corrupt");
        byte[] body = utf8("{\"quarterlyEarnings\":[]}");
        store.write(EARNINGS, body, metadataOf(body, "2025-01-05T06:00:00Z"));
        // replaced behind the store's back, without the store's user metadata
        s3.putObject(b -> b.bucket("raw-corrupt").key("raw/AAPL/EARNINGS.json.gz"),
                RequestBody.fromBytes(gzip(utf8("{\"tampered\":true}"))));

        IOException e = assertThrows(IOException.class, () -> store.read(EARNINGS));
        assertTrue(e.getMessage().contains("does not match its SHA-256"), e.getMessage());
    }

    @Test
    void anAnswerWithoutItsRecordIsNotThere() throws Exception {
        S3RawStore store = store("raw-half");
        byte[] body = utf8("{\"quarterlyEarnings\":[]}");
        try (S3Client failing = TestAws.s3(S3_MOCK.getHttpPort(), new FailMetadataPut())) {
            S3RawStore half = new S3RawStore(failing, "raw-half");
            assertThrows(IOException.class, () -> half.write(EARNINGS, body, metadataOf(body, "2025-01-05T06:00:00Z")));
        }
        assertEquals(Optional.empty(), store.read(EARNINGS));
        assertEquals(Optional.empty(), store.metadata(EARNINGS));
    }

    @Test
    void anOverwriteInterruptedBeforeItsRecordReadsAsTheNewCompleteAnswer() throws Exception {
        S3RawStore store = store("raw-interrupted");
        byte[] old = utf8("{\"quarterlyEarnings\":[1]}");
        byte[] fresh = utf8("{\"quarterlyEarnings\":[1,2]}");
        store.write(EARNINGS, old, metadataOf(old, "2025-01-05T06:00:00Z"));
        try (S3Client failing = TestAws.s3(S3_MOCK.getHttpPort(), new FailMetadataPut())) {
            S3RawStore half = new S3RawStore(failing, "raw-interrupted");
            assertThrows(IOException.class,
                    () -> half.write(EARNINGS, fresh, metadataOf(fresh, "2025-01-12T06:00:00Z")));
        }

        StoredAnswer read = store.read(EARNINGS).orElseThrow();
        assertArrayEquals(fresh, read.body());
        assertEquals(metadataOf(fresh, "2025-01-12T06:00:00Z"), read.metadata());
    }

    @Test
    void metadataThatDoesNotMatchTheBodyIsRefusedOnWrite() {
        S3RawStore store = store("raw-refuse");
        byte[] body = utf8("{}");
        AnswerMetadata wrong = metadataOf(utf8("{ }"), "2025-01-05T06:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> store.write(EARNINGS, body, wrong));
        assertTrue(s3.listObjectsV2(b -> b.bucket("raw-refuse")).contents().isEmpty());
    }

    @Test
    void aPrefixPutsTheLayoutUnderIt() throws Exception {
        s3.createBucket(b -> b.bucket("raw-prefix"));
        S3RawStore store = new S3RawStore(s3, "raw-prefix", "data/");
        byte[] body = utf8("{}");
        store.write(EARNINGS, body, metadataOf(body, "2025-01-05T06:00:00Z"));
        s3.headObject(b -> b.bucket("raw-prefix").key("data/raw/AAPL/EARNINGS.json.gz"));
        assertEquals("s3://raw-prefix/data/", store.describe());
        assertThrows(IllegalArgumentException.class, () -> new S3RawStore(s3, "raw-prefix", "data"));
    }

    @Test
    void otherContentKeepsTheStoredAnswerAsAVintageAndSameContentKeepsItsFirstFetch() throws Exception {
        S3RawStore store = store("raw-vintages");
        byte[] v1 = utf8("{\"quarterlyEarnings\":[1]}");
        byte[] v2 = utf8("{\"quarterlyEarnings\":[1,2]}");
        store.write(EARNINGS, v1, metadataOf(v1, "2024-10-15T06:00:00Z"));
        store.write(EARNINGS, v1, metadataOf(v1, "2024-10-22T06:00:00Z"));
        assertEquals(Instant.parse("2024-10-15T06:00:00Z"), store.metadata(EARNINGS).orElseThrow().firstFetchedAt());
        assertEquals(List.of(), store.vintages(EARNINGS));

        store.write(EARNINGS, v2, metadataOf(v2, "2026-05-18T06:00:00Z"));
        List<String> keys = s3.listObjectsV2(b -> b.bucket("raw-vintages").prefix("raw/AAPL/_vintages/")).contents()
                .stream().map(S3Object::key).sorted().toList();
        assertEquals(List.of("raw/AAPL/_vintages/EARNINGS/20241015T060000Z.json.gz",
                "raw/AAPL/_vintages/EARNINGS/20241015T060000Z.meta.json"), keys);
        List<StoredAnswer> vintages = store.vintages(EARNINGS);
        assertEquals(1, vintages.size());
        assertArrayEquals(v1, vintages.get(0).body());
        assertEquals(Instant.parse("2024-10-15T06:00:00Z"), vintages.get(0).metadata().firstFetchedAt());
        assertEquals(Instant.parse("2024-10-22T06:00:00Z"), vintages.get(0).metadata().fetchedAt());
        StoredAnswer current = store.read(EARNINGS).orElseThrow();
        assertArrayEquals(v2, current.body());
        assertEquals(Instant.parse("2026-05-18T06:00:00Z"), current.metadata().firstFetchedAt());

        RawKey prices = RawKey.of("aapl", AvFunction.TIME_SERIES_DAILY_ADJUSTED);
        store.write(prices, v1, metadataOf(v1, "2024-10-15T06:00:00Z"));
        store.write(prices, v2, metadataOf(v2, "2024-10-22T06:00:00Z"));
        assertEquals(List.of(), store.vintages(prices));
    }

    @Test
    void aCrashAfterTheNewAnswerBeforeItsRecordStillKeepsEveryContent() throws Exception {
        S3RawStore store = store("raw-vintage-crash");
        byte[] v1 = utf8("{\"quarterlyEarnings\":[1]}");
        byte[] v2 = utf8("{\"quarterlyEarnings\":[2]}");
        byte[] v3 = utf8("{\"quarterlyEarnings\":[3]}");
        store.write(EARNINGS, v1, metadataOf(v1, "2024-10-15T06:00:00Z"));
        try (S3Client failing = TestAws.s3(S3_MOCK.getHttpPort(), new FailMetadataPut())) {
            S3RawStore half = new S3RawStore(failing, "raw-vintage-crash");
            assertThrows(IOException.class, () -> half.write(EARNINGS, v2, metadataOf(v2, "2024-10-22T06:00:00Z")));
        }
        assertArrayEquals(v1, store.vintages(EARNINGS).get(0).body(), "kept before the new answer was put");
        assertArrayEquals(v2, store.read(EARNINGS).orElseThrow().body());

        store.write(EARNINGS, v3, metadataOf(v3, "2026-05-18T06:00:00Z"));
        List<StoredAnswer> vintages = store.vintages(EARNINGS);
        assertEquals(List.of(Instant.parse("2024-10-15T06:00:00Z"), Instant.parse("2024-10-22T06:00:00Z")),
                vintages.stream().map(v -> v.metadata().firstFetchedAt()).toList());
        assertArrayEquals(v1, vintages.get(0).body());
        assertArrayEquals(v2, vintages.get(1).body(), "the answer's own metadata named it, not the stale record");
        assertArrayEquals(v3, store.read(EARNINGS).orElseThrow().body());
    }

    private static byte[] gzip(byte[] body) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    /** Fails every PutObject of a metadata record, as a crash between the two writes would leave things. */
    static final class FailMetadataPut implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put && put.key().endsWith(".meta.json")
                    && !put.key().contains("/_vintages/")) {
                throw SdkClientException.create("injected failure writing " + put.key());
            }
        }
    }
}
