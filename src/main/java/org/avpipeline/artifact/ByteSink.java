package org.avpipeline.artifact;

import java.util.Arrays;

/** A growable byte array with the few little-endian writes a page needs. Not thread-safe. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(ByteSink other) {
        ensure(other.size);
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        size += other.size;
    }

    void intLittleEndian(int v) {
        ensure(4);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 24);
    }

    /** The 8 bytes of {@code v}, little-endian (PLAIN doubles, by their raw bits, and longs). */
    void longLittleEndian(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
    }

    /** {@code b[offset, offset + length)}. */
    void write(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** ULEB128, as parquet writes run headers. */
    void unsignedVarInt(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
