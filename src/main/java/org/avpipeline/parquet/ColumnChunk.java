package org.avpipeline.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageWriter;

/**
 * One column of a row group, kept as runs of equal values while tickers arrive and encoded into Parquet 1.0 data pages
 * when the row group ends. Every column of the panel and of the companion files is written this way.
 *
 * <p>Why not parquet's own column writers: they take one value at a time through their level, statistics, dictionary
 * and fallback writers, and a daily panel is mostly runs (a quarter's per-share value repeats on every day until the
 * next report; the ticker on all of its rows), so that path spent most of a build's time on work that runs make
 * unnecessary: hashing each repeated value, then for mostly distinct columns (prices, market cap) building a
 * dictionary only to throw it away. Here each run costs one step, and whether a dictionary pays is decided once per
 * chunk from its distinct values, with parquet's own rule (dictionary plus ids smaller than the plain values,
 * dictionary at most the dictionary page limit). The encodings are the ones parquet-java writes for version 1 pages
 * (RLE definition levels, PLAIN_DICTIONARY or PLAIN values, booleans bit-packed), so every reader that read the files
 * before reads them now, with the same values.
 *
 * <p>Values are kept as {@code long} keys ({@link PlainValues}); a missing value is the one key {@link #NULL}.
 */
public final class ColumnChunk {
    /** Rows per data page at most: parquet-java's default page row limit, so the page index is as fine as before. */
    public static final int PAGE_ROWS = 20_000;

    /** After this many present runs, a chunk whose values were nearly all distinct so far gets no dictionary. */
    static final int EARLY_LOOK = 4096;

    /**
     * The key of a missing value: a NaN's bits (every NaN double is missing), out of the INT32, BOOLEAN and text keys'
     * ranges, and a timestamp 290,000 years ahead.
     */
    static final long NULL = 0x7ff8_0000_0000_0001L;

    private final ColumnDescriptor descriptor;
    private final boolean optional;
    private final PlainValues values;
    private final PageEncoder encoder;
    private long[] runKeys = new long[64];
    private int[] runLengths = new int[64];
    private int runs;
    private long rows;
    private long nonNull;

    ColumnChunk(ColumnDescriptor descriptor, int maxDictionaryBytes) {
        this.descriptor = descriptor;
        this.optional = descriptor.getMaxDefinitionLevel() > 0;
        this.values = PlainValues.of(descriptor.getPrimitiveType().getPrimitiveTypeName());
        this.encoder = new PageEncoder(descriptor, optional, values, maxDictionaryBytes);
    }

    public long rows() {
        return rows;
    }

    @Override
    public String toString() {
        return String.join(".", descriptor.getPath());
    }

    /** Bytes held for this chunk (its runs, and a text column's table). */
    public long bufferedBytes() {
        return 12L * runs + (values instanceof PlainValues.Texts t ? t.tableBytes() : 0);
    }

    /** {@code count} rows of one value ({@link #NULL}: missing). */
    void appendRun(long key, int count) {
        if (count <= 0) {
            return;
        }
        if (key == NULL) {
            requireOptional();
        } else {
            nonNull += count;
        }
        if (runs > 0 && runKeys[runs - 1] == key) {
            runLengths[runs - 1] += count;
        } else {
            if (runs == runKeys.length) {
                growRuns();
            }
            runKeys[runs] = key;
            runLengths[runs] = count;
            runs++;
        }
        rows += count;
    }

    private void growRuns() {
        runKeys = Arrays.copyOf(runKeys, runs * 2);
        runLengths = Arrays.copyOf(runLengths, runs * 2);
    }

    /**
     * Appends {@code a[0..n-1]} of a DOUBLE column, NaN meaning missing. The runs are extended in one loop with the
     * arrays in locals, not by a call per value: short builds run this as C1 code, which does not inline such calls.
     */
    public void appendDoubles(double[] a, int n) {
        if (!optional) {
            for (int i = 0; i < n; i++) {
                if (a[i] != a[i]) {
                    requireOptional();
                }
            }
        }
        long[] keys = runKeys;
        int[] lengths = runLengths;
        int r = runs;
        int missing = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            long key;
            if (v != v) {
                key = NULL;
                missing++;
            } else {
                key = Double.doubleToRawLongBits(v);
            }
            if (r > 0 && keys[r - 1] == key) {
                lengths[r - 1]++;
            } else {
                if (r == keys.length) {
                    runs = r;
                    growRuns();
                    keys = runKeys;
                    lengths = runLengths;
                }
                keys[r] = key;
                lengths[r] = 1;
                r++;
            }
        }
        runs = r;
        rows += n;
        nonNull += n - missing;
    }

    /**
     * Appends a step column of DOUBLEs: {@code a} holds one value on each step {@code starts[s] .. starts[s+1]-1} of
     * its {@code n} rows ({@link TickerPanel#markSteps}), so one value per step is read.
     */
    public void appendDoubleSteps(double[] a, int n, int[] starts) {
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int length = (s + 1 < starts.length ? starts[s + 1] : n) - from;
            double v = a[from];
            appendRun(v != v ? NULL : Double.doubleToRawLongBits(v), length);
        }
    }

    /**
     * Appends {@code a[0..n-1]} of an INT32 column, {@code missing} meaning missing (a required column takes nothing
     * when one is). Nearly every date is a run of its own, so a call per value costs no more than a loop would.
     */
    public void appendInts(int[] a, int n, int missing) {
        if (!optional) {
            for (int i = 0; i < n; i++) {
                if (a[i] == missing) {
                    requireOptional();
                }
            }
        }
        for (int i = 0; i < n; i++) {
            appendRun(a[i] == missing ? NULL : a[i], 1);
        }
    }

    /** Appends {@code a[0..n-1]} of an INT64 column, {@code missing} meaning missing. */
    public void appendLongs(long[] a, int n, long missing) {
        for (int i = 0; i < n; i++) {
            if (a[i] == NULL) {
                throw new IllegalArgumentException(this + ": the value " + NULL + " cannot be written");
            }
            appendRun(a[i] == missing ? NULL : a[i], 1);
        }
    }

    /** Appends {@code a[0..n-1]} of a BOOLEAN column. */
    public void appendBooleans(boolean[] a, int n) {
        for (int i = 0; i < n; i++) {
            appendRun(a[i] ? 1 : 0, 1);
        }
    }

    /** Appends {@code a[0..n-1]} of a text (BYTE_ARRAY, UTF-8) column, null meaning missing. */
    public void appendTexts(String[] a, int n) {
        for (int i = 0; i < n; i++) {
            appendRun(a[i] == null ? NULL : texts().key(a[i]), 1);
        }
    }

    /** Appends {@code n} rows of one text. */
    public void appendText(String text, int n) {
        appendRun(texts().key(text), n);
    }

    private PlainValues.Texts texts() {
        if (values instanceof PlainValues.Texts t) {
            return t;
        }
        throw new IllegalStateException(this + " is not a text column");
    }

    private void requireOptional() {
        if (!optional) {
            throw new IllegalArgumentException(this + " is required: a value is missing");
        }
    }

    /** Writes the chunk's pages (and its dictionary page, when it has one) and empties the chunk. */
    void writeTo(PageWriter pages) throws IOException {
        encoder.write(pages, runKeys, runLengths, runs, rows, nonNull);
        runs = 0;
        rows = 0;
        nonNull = 0;
        values.clear();
    }
}
