package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** One compressor per thread that compresses, all released together. */
class ThreadCompressorsTest {

    @Test
    void eachThreadCompressesWithItsOwnAndReleaseReleasesAll() throws Exception {
        AtomicInteger released = new AtomicInteger();
        List<Thread> users = new ArrayList<>();
        List<Thread> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadCompressors compressors = new ThreadCompressors(() -> new Recording(seen, released));
        assertEquals(1, compressors.made(), "the first, for the codec's name");
        assertEquals(CompressionCodecName.UNCOMPRESSED, compressors.getCodecName());
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        assertArrayEquals(new byte[] {1, 2, 3},
                                compressors.compress(BytesInput.from(new byte[] {1, 2, 3})).toByteArray());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            thread.setUncaughtExceptionHandler((which, e) -> failures.add(e));
            users.add(thread);
            thread.start();
        }
        for (Thread thread : users) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(3, seen.size(), "three compressors, each on one thread");
        assertEquals(4, compressors.made(), "the first and one for each of the three threads");
        compressors.compress(BytesInput.from(new byte[] {9}));
        assertEquals(4, compressors.made(), "this thread uses the first one");
        compressors.release();
        assertEquals(4, released.get());
        assertEquals(0, compressors.made());
    }

    /** Returns the bytes as they are; records which compressor instance ran on which thread. */
    private static final class Recording implements BytesInputCompressor {
        private final List<Thread> seen;
        private final AtomicInteger released;
        private Thread owner;

        Recording(List<Thread> seen, AtomicInteger released) {
            this.seen = seen;
            this.released = released;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            Thread me = Thread.currentThread();
            if (owner == null) {
                owner = me;
                seen.add(me);
            } else if (owner != me) {
                throw new IllegalStateException("a compressor used by two threads");
            }
            return BytesInput.copy(bytes);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }
}
