package org.avpipeline.parquet;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.util.Native;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compression without Hadoop: parquet-hadoop's own codec factory goes through Hadoop's {@code CompressionCodec}
 * classes, this one calls the codecs directly. It compresses ZSTD (what the writer uses) at level 3 with zstd-jni's
 * native library, which needs no JIT warm-up (a short build spent much of its start compiling a pure-Java ZSTD);
 * where that library cannot be loaded it uses aircompressor's pure-Java ZSTD, also level 3. It decompresses what
 * other writers commonly produce with aircompressor and the JDK: ZSTD, SNAPPY (R arrow's default), GZIP and LZ4_RAW.
 *
 * <p>Not thread-safe: each writer or reader has its own. A compressor holds native memory until it is released.
 */
public final class PlainCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case ZSTD -> zstdCompressor(nativeZstdAvailable());
            default -> throw new UnsupportedOperationException("writing " + codec + " pages is not supported");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case ZSTD -> new BlockDecompressor(new ZstdDecompressor());
            case SNAPPY -> new BlockDecompressor(new SnappyDecompressor());
            case LZ4_RAW -> new BlockDecompressor(new Lz4Decompressor());
            case GZIP -> new Gzip();
            default -> throw new UnsupportedOperationException(
                    "pages compressed with " + codec + " cannot be read (supported: ZSTD, SNAPPY, GZIP, LZ4_RAW, "
                            + "UNCOMPRESSED)");
        };
    }

    @Override
    public void release() {}

    private static final class Uncompressed implements BytesInputCompressor, BytesInputDecompressor {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
            ByteBuffer in = input.duplicate();
            in.limit(in.position() + compressedSize);
            output.put(in);
        }

        @Override
        public void release() {}
    }

    /** A ZSTD page compressor: zstd-jni's native one, or aircompressor's pure-Java one. */
    static BytesInputCompressor zstdCompressor(boolean nativeLibrary) {
        return nativeLibrary ? new NativeZstd() : new Zstd();
    }

    /** Whether zstd-jni's native library is (or can now be) loaded on this platform. */
    static boolean nativeZstdAvailable() {
        try {
            Native.load();
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** ZSTD level 3 through zstd-jni, with one native context reused for every page until {@link #release()}. */
    private static final class NativeZstd implements BytesInputCompressor {
        private static final int LEVEL = 3;

        private final Bytes input = new Bytes();
        private ZstdCompressCtx context;
        private byte[] scratch = new byte[0];

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (context == null) {
                context = new ZstdCompressCtx().setLevel(LEVEL);
            }
            input.reset();
            bytes.writeAllTo(input);
            int bound = (int) com.github.luben.zstd.Zstd.compressBound(input.size());
            if (scratch.length < bound) {
                scratch = new byte[bound];
            }
            int n;
            try {
                n = context.compressByteArray(scratch, 0, scratch.length, input.array(), 0, input.size());
            } catch (RuntimeException e) {
                throw new IOException("ZSTD compression failed: " + e.getMessage(), e);
            }
            return BytesInput.from(Arrays.copyOf(scratch, n));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    /** ZSTD through aircompressor's pure-Java compressor (its default level, 3). */
    private static final class Zstd implements BytesInputCompressor {
        private final ZstdCompressor compressor = new ZstdCompressor();
        private final Bytes input = new Bytes();
        private byte[] scratch = new byte[0];

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            input.reset();
            bytes.writeAllTo(input);
            int bound = compressor.maxCompressedLength(input.size());
            if (scratch.length < bound) {
                scratch = new byte[bound];
            }
            int n = compressor.compress(input.array(), 0, input.size(), scratch, 0, scratch.length);
            return BytesInput.from(Arrays.copyOf(scratch, n));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {}
    }

    /** A decompressor of whole arrays, whose buffer form copies the page into an array and back. */
    private abstract static class ArrayDecompressor implements BytesInputDecompressor {
        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            Bytes.of(decompress(BytesInput.from(in), decompressedSize)).writeTo(output);
        }

        @Override
        public void release() {}
    }

    private static final class BlockDecompressor extends ArrayDecompressor {
        private final Decompressor decompressor;

        BlockDecompressor(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            Bytes input = Bytes.of(bytes);
            byte[] output = new byte[decompressedSize];
            int n = decompressor.decompress(input.array(), 0, input.size(), output, 0, output.length);
            if (n != decompressedSize) {
                throw new IOException("page decompressed to " + n + " bytes, expected " + decompressedSize);
            }
            return BytesInput.from(output);
        }

    }

    private static final class Gzip extends ArrayDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            byte[] output = new byte[decompressedSize];
            Bytes input = Bytes.of(bytes);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input.array(), 0, input.size()))) {
                int n = in.readNBytes(output, 0, decompressedSize);
                if (n != decompressedSize) {
                    throw new IOException("page decompressed to " + n + " bytes, expected " + decompressedSize);
                }
            }
            return BytesInput.from(output);
        }

    }

    /** A byte buffer whose array can be read without a copy (parquet deprecated {@code BytesInput.toByteArray}). */
    private static final class Bytes extends ByteArrayOutputStream {
        static Bytes of(BytesInput in) throws IOException {
            Bytes b = new Bytes();
            in.writeAllTo(b);
            return b;
        }

        byte[] array() {
            return buf;
        }

        void writeTo(ByteBuffer out) {
            out.put(buf, 0, count);
        }
    }
}
