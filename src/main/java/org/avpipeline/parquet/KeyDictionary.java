package org.avpipeline.parquet;

import java.util.Arrays;

/**
 * The distinct values of a column chunk by their keys ({@link ColumnChunk}: a double's bits, so {@code -0.0} and
 * {@code 0.0} are two entries as in parquet's own dictionary; an integer's value; a text's number), with ids in
 * first-seen order: an open-addressing table of longs, no boxing.
 */
final class KeyDictionary {
    private long[] keys;
    private int[] slots; // id + 1; 0: empty
    private long[] values;
    private int size;
    private int mask;

    KeyDictionary(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        slots = new int[capacity];
        values = new long[Math.max(16, expected)];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    long key(int id) {
        return values[id];
    }

    /** The id of {@code bits}, added when new. */
    int idOf(long bits) {
        int i = hash(bits) & mask;
        while (slots[i] != 0) {
            if (keys[i] == bits) {
                return slots[i] - 1;
            }
            i = (i + 1) & mask;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = bits;
        keys[i] = bits;
        slots[i] = ++size;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldSlots[j] != 0) {
                int i = hash(oldKeys[j]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int hash(long bits) {
        long h = bits * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
