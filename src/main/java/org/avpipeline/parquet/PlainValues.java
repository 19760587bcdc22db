package org.avpipeline.parquet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.BooleanStatistics;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * How a {@link ColumnChunk}'s values of one physical type are written in Parquet's PLAIN encoding (data pages without
 * a dictionary, and dictionary pages), and how they update a page's statistics. A chunk keeps its values as
 * {@code long} keys: a DOUBLE's raw bits, an INT32's or INT64's value, a BOOLEAN's 0 or 1, and for BYTE_ARRAY the
 * number of a distinct text in this object's table (which therefore belongs to one chunk).
 */
abstract sealed class PlainValues {

    /** The values of a column of this physical type. */
    static PlainValues of(PrimitiveTypeName type) {
        return switch (type) {
            case DOUBLE -> new Doubles();
            case INT32 -> new Ints();
            case INT64 -> new Longs();
            case BOOLEAN -> new Booleans();
            case BINARY -> new Texts();
            default -> throw new IllegalArgumentException("no plain values for " + type);
        };
    }

    /** Bytes of one value in PLAIN (booleans: 0; they are bits, and never get a dictionary). */
    abstract int bytes(long key);

    /** Appends one value in PLAIN (a dictionary page's entry). */
    abstract void write(long key, ByteSink out);

    /**
     * Appends a data page's values in PLAIN: {@code lengths[i]} copies of {@code keys[i]} for each {@code i < runs},
     * skipping {@link ColumnChunk#NULL} (missing values have no value, only a definition level).
     */
    abstract void writePage(long[] keys, int[] lengths, int runs, ByteSink out);

    /** Counts a page's present values ({@code keys[0..runs-1]}, {@link ColumnChunk#NULL} skipped) in its statistics. */
    abstract void update(Statistics<?> stats, long[] keys, int runs);

    /** Whether a dictionary may encode these values (parquet-java writes booleans without one). */
    boolean dictionaryAllowed() {
        return true;
    }

    /** Forgets what belongs to the chunk written last (the texts' table). */
    void clear() {}

    /** Values of 8 bytes, written as their key's bytes, little-endian (a double's raw bits, a long). */
    abstract static sealed class EightBytes extends PlainValues {
        @Override
        int bytes(long key) {
            return 8;
        }

        @Override
        void write(long key, ByteSink out) {
            out.longLittleEndian(key);
        }

        @Override
        void writePage(long[] keys, int[] lengths, int runs, ByteSink out) {
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    for (int k = 0; k < lengths[i]; k++) {
                        out.longLittleEndian(keys[i]);
                    }
                }
            }
        }
    }

    static final class Doubles extends EightBytes {
        @Override
        void update(Statistics<?> stats, long[] keys, int runs) {
            DoubleStatistics s = (DoubleStatistics) stats;
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    s.updateStats(Double.longBitsToDouble(keys[i]));
                }
            }
        }
    }

    static final class Ints extends PlainValues {
        @Override
        int bytes(long key) {
            return 4;
        }

        @Override
        void write(long key, ByteSink out) {
            out.intLittleEndian((int) key);
        }

        @Override
        void writePage(long[] keys, int[] lengths, int runs, ByteSink out) {
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    for (int k = 0; k < lengths[i]; k++) {
                        out.intLittleEndian((int) keys[i]);
                    }
                }
            }
        }

        @Override
        void update(Statistics<?> stats, long[] keys, int runs) {
            IntStatistics s = (IntStatistics) stats;
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    s.updateStats((int) keys[i]);
                }
            }
        }
    }

    static final class Longs extends EightBytes {
        @Override
        void update(Statistics<?> stats, long[] keys, int runs) {
            LongStatistics s = (LongStatistics) stats;
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    s.updateStats(keys[i]);
                }
            }
        }
    }

    /** Bit-packed, the first value in the lowest bit of the first byte; the page's last byte padded with zeros. */
    static final class Booleans extends PlainValues {
        @Override
        int bytes(long key) {
            return 0;
        }

        @Override
        void write(long key, ByteSink out) {
            throw new UnsupportedOperationException("booleans have no dictionary");
        }

        @Override
        void writePage(long[] keys, int[] lengths, int runs, ByteSink out) {
            int bits = 0;
            int used = 0;
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    int bit = (int) keys[i];
                    for (int k = 0; k < lengths[i]; k++) {
                        bits |= bit << used;
                        if (++used == 8) {
                            out.write(bits);
                            bits = 0;
                            used = 0;
                        }
                    }
                }
            }
            if (used > 0) {
                out.write(bits);
            }
        }

        @Override
        void update(Statistics<?> stats, long[] keys, int runs) {
            BooleanStatistics s = (BooleanStatistics) stats;
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    s.updateStats(keys[i] != 0);
                }
            }
        }

        @Override
        boolean dictionaryAllowed() {
            return false;
        }
    }

    /** UTF-8 texts, each written as its length (4 bytes, little-endian) and its bytes. */
    static final class Texts extends PlainValues {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<byte[]> texts = new ArrayList<>();
        private long tableBytes;

        /** The key of a text, numbered when new. */
        long key(String text) {
            Integer n = numbers.get(text);
            if (n == null) {
                n = texts.size();
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                texts.add(utf8);
                numbers.put(text, n);
                tableBytes += 48L + 2L * utf8.length;
            }
            return n;
        }

        /** Bytes held for the texts' table. */
        long tableBytes() {
            return tableBytes;
        }

        @Override
        int bytes(long key) {
            return 4 + texts.get((int) key).length;
        }

        @Override
        void write(long key, ByteSink out) {
            byte[] utf8 = texts.get((int) key);
            out.intLittleEndian(utf8.length);
            out.write(utf8, 0, utf8.length);
        }

        @Override
        void writePage(long[] keys, int[] lengths, int runs, ByteSink out) {
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    for (int k = 0; k < lengths[i]; k++) {
                        write(keys[i], out);
                    }
                }
            }
        }

        @Override
        void update(Statistics<?> stats, long[] keys, int runs) {
            BinaryStatistics s = (BinaryStatistics) stats;
            for (int i = 0; i < runs; i++) {
                if (keys[i] != ColumnChunk.NULL) {
                    s.updateStats(Binary.fromConstantByteArray(texts.get((int) keys[i])));
                }
            }
        }

        @Override
        void clear() {
            numbers.clear();
            texts.clear();
            tableBytes = 0;
        }
    }
}
