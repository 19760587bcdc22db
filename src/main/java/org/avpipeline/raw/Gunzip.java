package org.avpipeline.raw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A whole gzip file's content, read into one array sized by the file's own trailer (ISIZE, the length modulo 2^32 of
 * its last member: a hint, checked by reading on), instead of a stream's growing copies. The JDK's GZIPInputStream
 * still does the inflating and checks every member's CRC and length.
 */
final class Gunzip {
    private Gunzip() {}

    /** Arrays are not made larger than this from the hint alone. */
    private static final int MAX_HINT = 256 << 20;

    static byte[] decompress(byte[] gz) throws IOException {
        int hint = gz.length >= 4 ? (gz[gz.length - 4] & 0xff) | (gz[gz.length - 3] & 0xff) << 8
                | (gz[gz.length - 2] & 0xff) << 16 | (gz[gz.length - 1] & 0xff) << 24 : 0;
        byte[] out = new byte[hint > 0 && hint <= MAX_HINT ? hint : Math.max(64, 4 * gz.length)];
        int size = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
            while (true) {
                if (size == out.length) {
                    int next = in.read();
                    if (next < 0) {
                        return out;
                    }
                    out = Arrays.copyOf(out, Math.max(out.length * 2, 64));
                    out[size++] = (byte) next;
                }
                int n = in.read(out, size, out.length - size);
                if (n < 0) {
                    return size == out.length ? out : Arrays.copyOf(out, size);
                }
                size += n;
            }
        }
    }
}
