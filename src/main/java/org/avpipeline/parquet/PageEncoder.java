package org.avpipeline.parquet;

import static org.avpipeline.parquet.ColumnChunk.EARLY_LOOK;
import static org.avpipeline.parquet.ColumnChunk.NULL;
import static org.avpipeline.parquet.ColumnChunk.PAGE_ROWS;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;

/** Encodes a {@link ColumnChunk}'s runs into data pages, with a dictionary page when one pays. */
final class PageEncoder {
    private final ColumnDescriptor descriptor;
    private final boolean optional;
    private final PlainValues values;
    private final int maxDictionaryBytes;
    /** The chunk's runs while they are written. */
    private long[] runKeys;
    private int[] runLengths;
    private int runs;
    private long rows;
    private long nonNull;

    PageEncoder(ColumnDescriptor descriptor, boolean optional, PlainValues values, int maxDictionaryBytes) {
        this.descriptor = descriptor;
        this.optional = optional;
        this.values = values;
        this.maxDictionaryBytes = maxDictionaryBytes;
    }

    /** Writes the chunk's pages, and its dictionary page when it has one; the chunk's runs are left as they are. */
    void write(PageWriter pages, long[] runKeys, int[] runLengths, int runs, long rows, long nonNull)
            throws IOException {
        this.runKeys = runKeys;
        this.runLengths = runLengths;
        this.runs = runs;
        this.rows = rows;
        this.nonNull = nonNull;
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
        this.runKeys = null;
        this.runLengths = null;
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
