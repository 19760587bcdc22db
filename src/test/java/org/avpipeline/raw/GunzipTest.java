package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** Whole gzip files: exact content whatever the trailer says, every member read, damage detected. */
class GunzipTest {
    @Test
    void readsWhatWasWrittenOfAnySize() throws IOException {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 63, 64, 65, 4096, 100_000, 1 << 20}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) ('a' + random.nextInt(4));
            }
            assertArrayEquals(data, Gunzip.decompress(gzip(data)), "size " + size);
        }
    }

    @Test
    void aWrongLengthHintIsOnlyAHintAndEveryMemberIsRead() throws IOException {
        byte[] a = "first member, ".repeat(1000).getBytes();
        byte[] b = "second".getBytes();
        byte[] two = concat(gzip(a), gzip(b)); // the trailer's length is the last member's: 6
        assertArrayEquals(concat(a, b), Gunzip.decompress(two));
    }

    @Test
    void damageIsAnError() throws IOException {
        byte[] gz = gzip("some answer text".repeat(100).getBytes());
        byte[] crc = gz.clone();
        crc[crc.length - 6] ^= 1; // the CRC
        assertThrows(ZipException.class, () -> Gunzip.decompress(crc));
        assertThrows(IOException.class, () -> Gunzip.decompress(Arrays.copyOf(gz, gz.length / 2)));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
