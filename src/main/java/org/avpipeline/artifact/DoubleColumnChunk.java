package org.avpipeline.artifact;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * One optional DOUBLE column of a row group, kept as runs of equal values (NaN is null) while tickers arrive and
 * encoded into Parquet 1.0 data pages when the row group ends.
 *
 * <p>Why not parquet's own column writer: it takes one value at a time through its level, statistics, dictionary and
 * fallback writers, and a daily panel is mostly runs — a quarter's per-share value repeats on every day until the next
 * report — so that path spent most of a build's time on work that runs make unnecessary: hashing each repeated value,
 * then for mostly distinct columns (prices, market cap) building a dictionary only to throw it away. Here each run
 * costs one step, and whether a dictionary pays is decided once per chunk from its distinct values, with parquet's
 * own rule (dictionary plus ids smaller than the plain values, dictionary at most the dictionary page limit). The
 * encodings are the ones parquet-java writes for version 1 pages (RLE definition levels, PLAIN_DICTIONARY or PLAIN
 * values), so every reader that read the artifact before reads it now, with the same values.
 */
final class DoubleColumnChunk {
    /** Rows per data page at most: parquet-java's default page row limit, so the page index is as fine as before. */
    static final int PAGE_ROWS = 20_000;

    /** After this many present runs, a chunk whose values were nearly all distinct so far gets no dictionary. */
    static final int EARLY_LOOK = 4096;

    private final ColumnDescriptor descriptor;
    private final int maxDictionaryBytes;
    private double[] runValues = new double[64];
    private int[] runLengths = new int[64];
    private int runs;
    private long lastBits;
    private long rows;
    private long nonNull;

    DoubleColumnChunk(ColumnDescriptor descriptor, int maxDictionaryBytes) {
        this.descriptor = descriptor;
        this.maxDictionaryBytes = maxDictionaryBytes;
    }

    long rows() {
        return rows;
    }

    /** Whether a column is one this class writes (a DOUBLE). */
    static boolean isDouble(ColumnDescriptor d) {
        return d.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE;
    }

    /** The schema's other columns, the ones parquet's own column writers write. */
    static MessageType withoutDoubles(MessageType schema) {
        java.util.List<Type> kept = new java.util.ArrayList<>();
        for (Type t : schema.getFields()) {
            if (!t.isPrimitive() || t.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.DOUBLE) {
                kept.add(t);
            }
        }
        return new MessageType(schema.getName(), kept);
    }

    /** Bytes held for this chunk (its runs). */
    long bufferedBytes() {
        return 12L * runs;
    }

    /** Bytes held for the chunks of a row group (null entries are other columns). */
    static long bufferedBytes(DoubleColumnChunk[] chunks) {
        long bytes = 0;
        for (DoubleColumnChunk chunk : chunks) {
            if (chunk != null) {
                bytes += chunk.bufferedBytes();
            }
        }
        return bytes;
    }

    /** Appends {@code a[0..n-1]}, NaN meaning missing. */
    void append(double[] a, int n) {
        int r = runs;
        long last = lastBits;
        long present = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            long bits = v != v ? NULL_BITS : Double.doubleToRawLongBits(v);
            if (v == v) {
                present++;
            }
            if (r > 0 && bits == last) {
                runLengths[r - 1]++;
            } else {
                if (r == runValues.length) {
                    runValues = Arrays.copyOf(runValues, r * 2);
                    runLengths = Arrays.copyOf(runLengths, r * 2);
                }
                runValues[r] = v;
                runLengths[r] = 1;
                last = bits;
                r++;
            }
        }
        runs = r;
        lastBits = last;
        rows += n;
        nonNull += present;
    }

    /**
     * Appends a step column: {@code a} holds one value on each step {@code starts[s] .. starts[s+1]-1} of its
     * {@code n} rows ({@link TickerPanel#markSteps}), so one value per step is read.
     */
    void appendSteps(double[] a, int n, int[] starts) {
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int length = (s + 1 < starts.length ? starts[s + 1] : n) - from;
            double v = a[from];
            long bits = v != v ? NULL_BITS : Double.doubleToRawLongBits(v);
            if (v == v) {
                nonNull += length;
            }
            if (runs > 0 && bits == lastBits) {
                runLengths[runs - 1] += length;
            } else {
                if (runs == runValues.length) {
                    runValues = Arrays.copyOf(runValues, runs * 2);
                    runLengths = Arrays.copyOf(runLengths, runs * 2);
                }
                runValues[runs] = v;
                runLengths[runs] = length;
                lastBits = bits;
                runs++;
            }
        }
        rows += n;
    }

    /** One bit pattern stands for every missing value (any NaN). */
    private static final long NULL_BITS = 0x7ff8_0000_0000_0001L;

    /** Writes the chunk's pages (and its dictionary page, when it has one) and empties the chunk. */
    void writeTo(PageWriter pages) throws IOException {
        int[] ids = null;
        DoubleDictionary dictionary = dictionaryIfItPays();
        if (dictionary != null) {
            ids = new int[runs];
            for (int r = 0; r < runs; r++) {
                ids[r] = runValues[r] != runValues[r] ? -1 : dictionary.idOf(runValues[r]);
            }
            ByteSink dict = new ByteSink(8 * dictionary.size());
            for (int id = 0; id < dictionary.size(); id++) {
                dict.doubleLittleEndian(dictionary.value(id));
            }
            pages.writeDictionaryPage(new DictionaryPage(BytesInput.from(dict.toByteArray()), dictionary.size(),
                    Encoding.PLAIN_DICTIONARY));
        }
        int width = dictionary == null ? 0 : RleHybridEncoder.widthOf(dictionary.size() - 1);
        int r = 0;
        int usedOfRun = 0;
        long written = 0;
        while (written < rows) {
            int pageRows = (int) Math.min(PAGE_ROWS, rows - written);
            ByteSink levels = new ByteSink(64);
            RleHybridEncoder levelRuns = new RleHybridEncoder(1, levels);
            ByteSink data = new ByteSink(dictionary == null ? 8 * pageRows : 64);
            RleHybridEncoder idRuns = null;
            if (dictionary != null) {
                data.write(width);
                idRuns = new RleHybridEncoder(width, data);
            }
            @SuppressWarnings("unchecked")
            Statistics<Double> stats = (Statistics<Double>) Statistics.createStats(descriptor.getPrimitiveType());
            int level = -1;
            int levelLength = 0;
            int id = -1;
            int idLength = 0;
            int left = pageRows;
            while (left > 0) {
                int take = Math.min(left, runLengths[r] - usedOfRun);
                double v = runValues[r];
                int l = v != v ? 0 : 1;
                if (l != level) {
                    levelRuns.run(level, levelLength);
                    level = l;
                    levelLength = 0;
                }
                levelLength += take;
                if (l == 0) {
                    stats.incrementNumNulls(take);
                } else {
                    stats.updateStats(v);
                    if (idRuns != null) {
                        if (ids[r] != id) {
                            idRuns.run(id, idLength);
                            id = ids[r];
                            idLength = 0;
                        }
                        idLength += take;
                    } else {
                        for (int k = 0; k < take; k++) {
                            data.doubleLittleEndian(v);
                        }
                    }
                }
                left -= take;
                usedOfRun += take;
                if (usedOfRun == runLengths[r]) {
                    r++;
                    usedOfRun = 0;
                }
            }
            levelRuns.run(level, levelLength);
            levelRuns.finish();
            if (idRuns != null) {
                idRuns.run(id, idLength);
                idRuns.finish();
            }
            ByteSink page = new ByteSink(4 + levels.size() + data.size());
            page.intLittleEndian(levels.size());
            page.write(levels);
            page.write(data);
            pages.writePage(BytesInput.from(page.toByteArray()), pageRows, pageRows, stats, Encoding.BIT_PACKED,
                    Encoding.RLE, dictionary == null ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY);
            written += pageRows;
        }
        runs = 0;
        rows = 0;
        nonNull = 0;
    }

    /**
     * The chunk's dictionary when it pays by parquet's rule: at most {@code maxDictionaryBytes} of values, and values
     * plus ids smaller than the plain values; null when it does not (found out early for mostly distinct columns).
     */
    private DoubleDictionary dictionaryIfItPays() {
        long plainBytes = 8 * nonNull;
        if (nonNull == 0) {
            return null;
        }
        int limit = (int) Math.min(maxDictionaryBytes / 8, plainBytes / 8);
        DoubleDictionary d = new DoubleDictionary((int) Math.min(runs, limit + 1L));
        int seen = 0;
        for (int r = 0; r < runs; r++) {
            double v = runValues[r];
            if (v == v) {
                d.idOf(v);
                seen++;
                if (d.size() > limit || (seen == EARLY_LOOK && d.size() > 0.9 * seen)) {
                    return null; // too many values, or nearly all distinct so far (prices, market caps)
                }
            }
        }
        int width = RleHybridEncoder.widthOf(d.size() - 1);
        double idBytes = 0;
        for (int r = 0; r < runs; r++) {
            if (runValues[r] == runValues[r]) {
                idBytes += runLengths[r] >= 8 ? 2 + (width + 7) / 8 : runLengths[r] * width / 8.0;
            }
        }
        return 8.0 * d.size() + idBytes < plainBytes ? d : null;
    }
}
