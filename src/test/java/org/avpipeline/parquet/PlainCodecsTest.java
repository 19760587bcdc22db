package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

class PlainCodecsTest {

    @Test
    void nativeZstdLoadsOnLinuxAndMacOs() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        org.junit.jupiter.api.Assumptions.assumeTrue(os.contains("linux") || os.contains("mac"),
                "zstd-jni's native library is only expected on Linux and macOS here");
        assertTrue(PlainCodecs.nativeZstdAvailable(), "zstd-jni's native library did not load");
    }

    @Test
    void nativeAndPureJavaZstdPagesDecompressToTheirInput() throws IOException {
        PlainCodecs codecs = new PlainCodecs();
        BytesInputDecompressor decompressor = codecs.getDecompressor(CompressionCodecName.ZSTD);
        for (boolean nativeLibrary : new boolean[] {true, false}) {
            if (nativeLibrary && !PlainCodecs.nativeZstdAvailable()) {
                continue;
            }
            BytesInputCompressor compressor = PlainCodecs.zstdCompressor(nativeLibrary);
            try {
                assertEquals(CompressionCodecName.ZSTD, compressor.getCodecName());
                // Several pages through one compressor: the native context is reused between them.
                for (byte[] page : new byte[][] {pageLike(1 << 20, 1), pageLike(70_000, 2), new byte[0],
                        pageLike(3, 3)}) {
                    byte[] packed = bytes(compressor.compress(BytesInput.from(page)));
                    if (page.length > 1000) {
                        assertTrue(packed.length < page.length / 2, "page did not shrink: " + packed.length);
                    }
                    byte[] back = bytes(decompressor.decompress(BytesInput.from(packed), page.length));
                    assertArrayEquals(page, back, "native=" + nativeLibrary + ", " + page.length + " bytes");
                }
            } finally {
                compressor.release();
                compressor.release();
            }
        }
    }

    /** Doubles with few distinct values, little-endian, like a PLAIN double page. */
    private static byte[] pageLike(int size, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[size];
        for (int i = 0; i + 8 <= size; i += 8) {
            long bits = Double.doubleToLongBits(100 + random.nextInt(50) / 4.0);
            for (int b = 0; b < 8; b++) {
                out[i + b] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }

    private static byte[] bytes(BytesInput in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.writeAllTo(out);
        return out.toByteArray();
    }
}
