package org.avpipeline.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One page compressor for a file whose row group's columns may be compressed by several threads at once: each thread
 * compresses with a compressor of its own (a compressor is not thread-safe, and a native one holds a context), made
 * the first time that thread compresses. {@link #release()} releases them all; call it once no thread compresses.
 */
final class ThreadCompressors implements BytesInputCompressor {
    private final Supplier<BytesInputCompressor> factory;
    private final CompressionCodecName codec;
    private final ThreadLocal<BytesInputCompressor> mine = new ThreadLocal<>();
    private final List<BytesInputCompressor> made = new ArrayList<>();

    ThreadCompressors(Supplier<BytesInputCompressor> factory) {
        this.factory = factory;
        BytesInputCompressor first = factory.get();
        this.codec = first.getCodecName();
        mine.set(first);
        made.add(first);
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
        BytesInputCompressor c = mine.get();
        if (c == null) {
            c = factory.get();
            mine.set(c);
            synchronized (made) {
                made.add(c);
            }
        }
        return c.compress(bytes);
    }

    @Override
    public CompressionCodecName getCodecName() {
        return codec;
    }

    /** The compressors made so far (tests). */
    int made() {
        synchronized (made) {
            return made.size();
        }
    }

    @Override
    public void release() {
        synchronized (made) {
            for (BytesInputCompressor c : made) {
                c.release();
            }
            made.clear();
        }
    }
}
