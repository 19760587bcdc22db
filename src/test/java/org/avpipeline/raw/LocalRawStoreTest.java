package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRawStoreTest {
    @TempDir
    Path root;

    static final RawKey IBM_EARNINGS = RawKey.of("ibm", AvFunction.EARNINGS);
    static final Instant T1 = Instant.parse("2026-05-17T06:00:00Z");
    static final Instant T2 = Instant.parse("2026-05-24T06:00:00Z");

    static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static AnswerMetadata meta(Instant at, byte[] body) {
        return new AnswerMetadata(at, "https://x/query?function=EARNINGS&symbol=IBM&apikey=***", Sha256.hex(body));
    }

    @Test
    void roundTripInTheSharedLayout() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{\"symbol\": \"IBM\", \"quarterlyEarnings\": []}");
        store.write(IBM_EARNINGS, b, meta(T1, b));

        Path answer = root.resolve("raw/IBM/EARNINGS.json.gz");
        Path metaFile = root.resolve("raw/IBM/EARNINGS.meta.json");
        assertTrue(Files.isRegularFile(answer));
        assertTrue(Files.isRegularFile(metaFile));
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(answer))) {
            assertArrayEquals(b, in.readAllBytes(), "stored gzip-compressed, as received");
        }
        String json = Files.readString(metaFile);
        assertTrue(json.contains("\"fetchedAt\" : \"2026-05-17T06:00:00Z\""), json);
        assertTrue(json.contains("\"sha256\" : \"" + Sha256.hex(b) + "\""), json);

        StoredAnswer read = store.read(IBM_EARNINGS).orElseThrow();
        assertArrayEquals(b, read.body());
        AnswerMetadata recorded = meta(T1, b).withValuesDigest(ValuesDigest.of(AvFunction.EARNINGS, b));
        assertTrue(json.contains("\"valuesDigest\" : \"" + recorded.valuesDigest() + "\""), json);
        assertEquals(recorded, read.metadata(), "with the digest of its values (EARNINGS is vintaged)");
        assertEquals(Optional.of(recorded), store.metadata(IBM_EARNINGS));
    }

    @Test
    void etfProfilesLiveUnderEtf() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{\"holdings\": []}");
        store.write(RawKey.etfProfile("QQQ"), b, meta(T1, b));
        assertTrue(Files.isRegularFile(root.resolve("raw/_etf/QQQ/ETF_PROFILE.json.gz")));
        assertTrue(Files.isRegularFile(root.resolve("raw/_etf/QQQ/ETF_PROFILE.meta.json")));
    }

    @Test
    void absentAnswerIsEmpty() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        assertEquals(Optional.empty(), store.read(IBM_EARNINGS));
        assertEquals(Optional.empty(), store.metadata(IBM_EARNINGS));
    }

    @Test
    void newerAnswerReplacesTheOld() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] v1 = body("{\"v\": 1}");
        byte[] v2 = body("{\"v\": 2}");
        store.write(IBM_EARNINGS, v1, meta(T1, v1));
        store.write(IBM_EARNINGS, v2, meta(T2, v2));
        StoredAnswer read = store.read(IBM_EARNINGS).orElseThrow();
        assertArrayEquals(v2, read.body());
        assertEquals(T2, read.metadata().fetchedAt());
        assertEquals(List.of("EARNINGS.json.gz", "EARNINGS.meta.json", "_vintages"), listing(root.resolve("raw/IBM")));
    }

    @Test
    void crashMidWriteLeavesTheOldAnswerAndNoTemporaryFile() throws IOException {
        byte[] v1 = body("{\"v\": 1}");
        new LocalRawStore(root).write(IBM_EARNINGS, v1, meta(T1, v1));

        AtomicBoolean fail = new AtomicBoolean(true);
        LocalRawStore failing = new LocalRawStore(root, out -> new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (fail.get() && written + len > 20) {
                    throw new IOException("disk full (simulated)");
                }
                written += len;
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        });
        byte[] v2 = new byte[100_000];
        java.util.Arrays.fill(v2, (byte) '7');
        IOException e = assertThrows(IOException.class, () -> failing.write(IBM_EARNINGS, v2, meta(T2, v2)));
        assertTrue(e.getMessage().contains("simulated"));

        StoredAnswer read = new LocalRawStore(root).read(IBM_EARNINGS).orElseThrow();
        assertArrayEquals(v1, read.body(), "the old answer is still there and readable");
        assertEquals(T1, read.metadata().fetchedAt());
        assertEquals(List.of("EARNINGS.json.gz", "EARNINGS.meta.json"), listing(root.resolve("raw/IBM")),
                "no temporary file left behind");
    }

    @Test
    void answerWithoutMetadataCountsAsAbsent() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{\"v\": 1}");
        store.write(IBM_EARNINGS, b, meta(T1, b));
        // what a crash between "old metadata removed" and "new metadata in place" leaves
        Files.delete(store.metadataFile(IBM_EARNINGS));
        assertEquals(Optional.empty(), store.metadata(IBM_EARNINGS));
        assertEquals(Optional.empty(), store.read(IBM_EARNINGS));
    }

    @Test
    void shaMismatchIsDetectedOnRead() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{\"v\": 1}");
        store.write(IBM_EARNINGS, b, meta(T1, b));
        Path metaFile = store.metadataFile(IBM_EARNINGS);
        Files.writeString(metaFile, Files.readString(metaFile).replace(Sha256.hex(b), Sha256.hex(body("other"))));
        IOException e = assertThrows(IOException.class, () -> store.read(IBM_EARNINGS));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void corruptGzipIsDetectedOnRead() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{\"v\": \"" + "x".repeat(1000) + "\"}");
        store.write(IBM_EARNINGS, b, meta(T1, b));
        Path answer = store.answerFile(IBM_EARNINGS);
        byte[] gz = Files.readAllBytes(answer);
        Files.write(answer, java.util.Arrays.copyOf(gz, gz.length - 6)); // truncated: no complete trailer
        assertThrows(IOException.class, () -> store.read(IBM_EARNINGS));
        gz[gz.length - 5] ^= 0x55; // wrong length in the trailer
        Files.write(answer, gz);
        assertThrows(IOException.class, () -> store.read(IBM_EARNINGS));
    }

    @Test
    void readIntactSkipsOnlyTheHashNeverTheTrailer() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{\"v\": \"" + "x".repeat(1000) + "\"}");
        store.write(IBM_EARNINGS, b, meta(T1, b));
        assertArrayEquals(b, store.readIntact(IBM_EARNINGS).orElseThrow().body());
        assertEquals(meta(T1, b), store.readIntact(IBM_EARNINGS).orElseThrow().metadata());

        // a whole, undamaged answer whose metadata records another body: only the hash tells
        Path metaFile = store.metadataFile(IBM_EARNINGS);
        String recorded = Files.readString(metaFile);
        Files.writeString(metaFile, recorded.replace(Sha256.hex(b), Sha256.hex(body("other"))));
        assertThrows(IOException.class, () -> store.read(IBM_EARNINGS));
        assertArrayEquals(b, store.readIntact(IBM_EARNINGS).orElseThrow().body());
        Files.writeString(metaFile, recorded);

        // damage inside the compressed data, with the trailer intact: the CRC-32 (or the inflater) tells; a bit
        // that changes nothing (the last byte's padding) may pass, but never a body other than the one stored
        Path answer = store.answerFile(IBM_EARNINGS);
        byte[] gz = Files.readAllBytes(answer);
        int detected = 0;
        for (int at = 10; at < gz.length - 8; at++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = gz.clone();
                damaged[at] ^= (byte) (1 << bit);
                Files.write(answer, damaged);
                try {
                    assertArrayEquals(b, store.readIntact(IBM_EARNINGS).orElseThrow().body(),
                            "bit " + bit + " of byte " + at + " changed: read, but not as stored");
                } catch (IOException e) {
                    assertTrue(e.getMessage().contains("corrupt raw answer"), e.getMessage());
                    detected++;
                }
            }
        }
        int flips = 8 * (gz.length - 18);
        assertTrue(detected >= 0.9 * flips, detected + " of " + flips + " changed bits detected");
        Files.write(answer, java.util.Arrays.copyOf(gz, gz.length - 6)); // truncated
        assertThrows(IOException.class, () -> store.readIntact(IBM_EARNINGS));
        Files.delete(metaFile);
        assertEquals(Optional.empty(), store.readIntact(IBM_EARNINGS), "without metadata: absent, as for read");
    }

    @Test
    void metadataMustMatchTheBodyAndNeverHoldsTheKey() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("{}");
        assertThrows(IllegalArgumentException.class,
                () -> store.write(IBM_EARNINGS, b, new AnswerMetadata(T1, "x", Sha256.hex(body("other")))));
        store.write(IBM_EARNINGS, b, new AnswerMetadata(T1, "https://x/query?symbol=IBM&apikey=S3CR3T", Sha256.hex(b)));
        String json = Files.readString(store.metadataFile(IBM_EARNINGS));
        assertFalse(json.contains("S3CR3T"), json);
        assertTrue(json.contains("apikey=***"), json);
    }

    @Test
    void gzipIsRealGzip() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] b = body("hello");
        store.write(IBM_EARNINGS, b, meta(T1, b));
        byte[] gz = Files.readAllBytes(store.answerFile(IBM_EARNINGS));
        assertEquals((byte) 0x1f, gz[0]);
        assertEquals((byte) 0x8b, gz[1]);
        assertArrayEquals(b, new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
