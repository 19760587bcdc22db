package org.avpipeline.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;

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
    private final int maxDictionaryBytes;
    private long[] runKeys = new long[64];
    private int[] runLengths = new int[64];
    private int runs;
    private long rows;
    private long nonNull;

    ColumnChunk(ColumnDescriptor descriptor, int maxDictionaryBytes) {
        this.descriptor = descriptor;
        this.optional = descriptor.getMaxDefinitionLevel() > 0;
        this.values = PlainValues.of(descriptor.getPrimitiveType().getPrimitiveTypeName());
        this.maxDictionaryBytes = maxDictionaryBytes;
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
        KeyDictionary dictionary = dictionaryIfItPays();
        if (dictionary != null) {
            ByteSink dict = new ByteSink(8 * dictionary.size());
            for (int id = 0; id < dictionary.size(); id++) {
                values.write(dictionary.key(id), dict);
            }
            pages.writeDictionaryPage(new DictionaryPage(BytesInput.from(dict.toByteArray()), dictionary.size(),
                    Encoding.PLAIN_DICTIONARY));
        }
        nextRun = 0;
        usedOfNextRun = 0;
        long written = 0;
        while (written < rows) {
            int pageRows = (int) Math.min(PAGE_ROWS, rows - written);
            slicePage(pageRows);
            Statistics<?> stats = Statistics.createStats(descriptor.getPrimitiveType());
            stats.incrementNumNulls(pageNulls());
            values.update(stats, pageKeys, pageRuns);
            // one array for the page: the definition levels' length and levels, then the values
            ByteSink levels = optional ? definitionLevels() : null;
            ByteSink page = new ByteSink((levels == null ? 0 : 4 + levels.size())
                    + (dictionary == null ? 8 * pageRows : 64));
            if (levels != null) {
                page.intLittleEndian(levels.size());
                page.write(levels);
            }
            if (dictionary != null) {
                writeIds(dictionary, page);
            } else {
                values.writePage(pageKeys, pageLengths, pageRuns, page);
            }
            // the page writer compresses (copies) the bytes before it returns
            pages.writePage(page.asBytesInput(), pageRows, pageRows, stats, Encoding.BIT_PACKED,
                    Encoding.RLE, dictionary == null ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY);
            written += pageRows;
        }
        runs = 0;
        rows = 0;
        nonNull = 0;
        values.clear();
    }

    /** The run the next page starts in, and how many of its rows earlier pages took. */
    private int nextRun;
    private int usedOfNextRun;
    /** The runs of the page being written, cut at its first and last row. */
    private long[] pageKeys = new long[64];
    private int[] pageLengths = new int[64];
    /** The page's runs' dictionary ids (-1: missing), when the chunk has a dictionary. */
    private int[] pageIds = new int[64];
    private int pageRuns;
    /** Each run's dictionary id (-1: missing), found while deciding whether a dictionary pays. */
    private int[] runIds = new int[0];

    /** Cuts the next {@code pageRows} rows' runs into {@link #pageKeys}/{@link #pageLengths}. */
    private void slicePage(int pageRows) {
        pageRuns = 0;
        int left = pageRows;
        while (left > 0) {
            int take = Math.min(left, runLengths[nextRun] - usedOfNextRun);
            if (pageRuns == pageKeys.length) {
                pageKeys = Arrays.copyOf(pageKeys, pageRuns * 2);
                pageLengths = Arrays.copyOf(pageLengths, pageRuns * 2);
                pageIds = Arrays.copyOf(pageIds, pageRuns * 2);
            }
            pageKeys[pageRuns] = runKeys[nextRun];
            pageIds[pageRuns] = runIds.length > nextRun ? runIds[nextRun] : -1;
            pageLengths[pageRuns] = take;
            pageRuns++;
            left -= take;
            usedOfNextRun += take;
            if (usedOfNextRun == runLengths[nextRun]) {
                nextRun++;
                usedOfNextRun = 0;
            }
        }
    }

    private long pageNulls() {
        long nulls = 0;
        for (int i = 0; i < pageRuns; i++) {
            if (pageKeys[i] == NULL) {
                nulls += pageLengths[i];
            }
        }
        return nulls;
    }

    /** The page's definition levels (1 present, 0 missing) as RLE/bit-packed hybrid runs. */
    private ByteSink definitionLevels() {
        ByteSink levels = new ByteSink(64);
        RleHybridEncoder encoder = new RleHybridEncoder(1, levels);
        int level = -1;
        int length = 0;
        for (int i = 0; i < pageRuns; i++) {
            int l = pageKeys[i] == NULL ? 0 : 1;
            if (l != level) {
                encoder.run(level, length);
                level = l;
                length = 0;
            }
            length += pageLengths[i];
        }
        encoder.run(level, length);
        encoder.finish();
        return levels;
    }

    /** The page's present values as dictionary ids: the bit width, then RLE/bit-packed hybrid runs. */
    private void writeIds(KeyDictionary dictionary, ByteSink data) {
        int width = RleHybridEncoder.widthOf(dictionary.size() - 1);
        data.write(width);
        RleHybridEncoder encoder = new RleHybridEncoder(width, data);
        int id = -1;
        int length = 0;
        for (int i = 0; i < pageRuns; i++) {
            if (pageKeys[i] != NULL) {
                int next = pageIds[i];
                if (next != id) {
                    encoder.run(id, length);
                    id = next;
                    length = 0;
                }
                length += pageLengths[i];
            }
        }
        encoder.run(id, length);
        encoder.finish();
    }

    /**
     * The chunk's dictionary when it pays by parquet's rule: at most {@code maxDictionaryBytes} of values, and values
     * plus ids smaller than the plain values; null when it does not (found out early for mostly distinct columns).
     */
    private KeyDictionary dictionaryIfItPays() {
        if (nonNull == 0 || !values.dictionaryAllowed()) {
            return null;
        }
        long plainBytes = 0;
        for (int r = 0; r < runs; r++) {
            if (runKeys[r] != NULL) {
                plainBytes += (long) values.bytes(runKeys[r]) * runLengths[r];
            }
        }
        long limit = Math.min(maxDictionaryBytes, plainBytes);
        // sized for the early look, grown when the values keep coming: most daily columns give up after it, and a
        // table for every possible value was a few MB to allocate and clear per column and row group
        KeyDictionary d = new KeyDictionary((int) Math.min(Math.min(runs, limit / 4 + 1), 2 * EARLY_LOOK));
        if (runIds.length < runs) {
            runIds = new int[Math.max(runs, 2 * runIds.length)];
        }
        long dictionaryBytes = 0;
        int seen = 0;
        for (int r = 0; r < runs; r++) {
            long key = runKeys[r];
            if (key == NULL) {
                runIds[r] = -1;
            } else {
                int before = d.size();
                runIds[r] = d.idOf(key);
                if (d.size() > before) {
                    dictionaryBytes += values.bytes(key);
                }
                seen++;
                if (dictionaryBytes > limit || (seen == EARLY_LOOK && d.size() > 0.9 * seen)) {
                    return null; // too many values, or nearly all distinct so far (prices, market caps)
                }
            }
        }
        int width = RleHybridEncoder.widthOf(d.size() - 1);
        double idBytes = 0;
        for (int r = 0; r < runs; r++) {
            if (runKeys[r] != NULL) {
                idBytes += runLengths[r] >= 8 ? 2 + (width + 7) / 8 : runLengths[r] * width / 8.0;
            }
        }
        return dictionaryBytes + idBytes < plainBytes ? d : null;
    }
}
