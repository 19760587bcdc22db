package org.avpipeline.parquet;

import org.apache.parquet.bytes.BytesInput;
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

    /** The bytes written so far, not copied: valid until the next write or reset. */
    BytesInput asBytesInput() {
        return BytesInput.from(bytes, 0, size);
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
        byte[] b = bytes;
        int s = size;
        b[s] = (byte) v;
        b[s + 1] = (byte) (v >>> 8);
        b[s + 2] = (byte) (v >>> 16);
        b[s + 3] = (byte) (v >>> 24);
        b[s + 4] = (byte) (v >>> 32);
        b[s + 5] = (byte) (v >>> 40);
        b[s + 6] = (byte) (v >>> 48);
        b[s + 7] = (byte) (v >>> 56);
        size = s + 8;
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
