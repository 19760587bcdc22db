package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;
import org.avpipeline.concurrent.DaemonThreads;
import org.avpipeline.parquet.ColumnChunk;
import org.avpipeline.parquet.Failures;
import org.avpipeline.parquet.RowGroup;
import org.avpipeline.parquet.StagedParquetFile;

/**
 * Writes the artifact (artifact.md, pipeline.md §11): one ticker at a time, tickers ascending, into a temporary file
 * beside the final one; {@link #commit()} makes it the artifact in one atomic rename. Closing without a commit
 * deletes the temporary file and leaves any earlier artifact as it was.
 *
 * <p>ZSTD pages, dictionary encoding, statistics and page indexes on. A row group ends at the first ticker boundary
 * after {@link RowGroupLimits#rows()} rows or {@link RowGroupLimits#bytes()} buffered bytes, so a row group holds whole
 * tickers and its ticker statistics let readers skip it.
 *
 * <p>The values go from the panel's column arrays straight into the row group's {@link ColumnChunk}s, one column at
 * a time: no records, no per-row objects. The columns are independent (each chunk has its own runs; pages are cut and
 * compressed only when the row group ends), so a ticker's columns are handed out in contiguous ranges to
 * {@code columnThreads} threads; the bytes are the same as with one thread. A full row group is written into the
 * file on a thread of its own while the next one fills, one at a time and in order. Not thread-safe.
 */
public final class ArtifactWriter implements AutoCloseable {

    /** When a row group is full enough to end at the next ticker boundary. */
    public record RowGroupLimits(int rows, long bytes) {
        public static final RowGroupLimits DEFAULT = new RowGroupLimits(100_000, 64L << 20);

        public RowGroupLimits {
            if (rows < 1 || bytes < 1) {
                throw new IllegalArgumentException("row group limits must be positive: " + rows + " rows, "
                        + bytes + " bytes");
            }
        }
    }

    private final Path finalPath;
    private final StagedParquetFile file;
    private final Map<String, String> footer;
    private final RowGroupLimits limits;
    private final MessageType schema = ArtifactParquetSchema.messageType();
    private final List<ColumnDescriptor> descriptors = schema.getColumns();
    /** Where column range k of {@link #ranges} is written (k ≥ 1; range 0 on the caller's thread); null for one. */
    private final ExecutorService columnPool;
    private final int[] ranges;

    /** The row group being filled; null between row groups. */
    private RowGroup rowGroup;
    /**
     * Writes each full row group into the file while the next one fills, one at a time and in order, so that the
     * tickers keep flowing while a block is encoded and compressed; the row group written last comes back empty, for
     * the rows after the next.
     */
    private final ExecutorService blockWriter = Executors.newSingleThreadExecutor(DaemonThreads.named("artifact-blocks"));
    /** The row group being written into the file; null when none is. */
    private Future<RowGroup> writing;
    /** The row group {@link #writing} writes (meaningful only while that is not null). */
    private RowGroup inFlight;
    /** A written row group, empty, for the next rows; null when there is none. */
    private RowGroup free;

    private String lastTicker;
    private long rows;
    private int tickers;
    private int rowGroups;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;
    private State state = State.OPEN;

    private enum State { OPEN, FAILED, FINISHED, COMMITTED, CLOSED }

    private ArtifactWriter(Path finalPath, ArtifactMetadata meta, RowGroupLimits limits, int columnThreads)
            throws IOException {
        if (columnThreads < 1) {
            throw new IllegalArgumentException("column threads must be at least 1: " + columnThreads);
        }
        this.ranges = ranges(descriptors.size(), columnThreads);
        this.finalPath = finalPath.toAbsolutePath();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.footer = Objects.requireNonNull(meta, "meta").toFooter();
        this.file = new StagedParquetFile(this.finalPath, schema, limits.bytes());
        this.columnPool = ranges.length > 2 ? Executors.newFixedThreadPool(ranges.length - 2, DaemonThreads.named("artifact-columns"))
                : null;
    }

    /** Starts an artifact that {@link #commit()} will put at {@code finalPath}. */
    public static ArtifactWriter open(Path finalPath, ArtifactMetadata meta) throws IOException {
        return open(finalPath, meta, RowGroupLimits.DEFAULT);
    }

    /** Starts an artifact with row groups of other limits than the default (tests, tuning). */
    public static ArtifactWriter open(Path finalPath, ArtifactMetadata meta, RowGroupLimits limits) throws IOException {
        return open(finalPath, meta, limits, defaultColumnThreads());
    }

    /** Starts an artifact whose columns are written by {@code columnThreads} threads (1: all on the caller's). */
    public static ArtifactWriter open(Path finalPath, ArtifactMetadata meta, RowGroupLimits limits, int columnThreads)
            throws IOException {
        return new ArtifactWriter(finalPath, meta, limits, columnThreads);
    }

    /** The processors, at most 4: writing the columns is most of a build's work. */
    public static int defaultColumnThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Appends one ticker's rows. Tickers must come in strictly ascending order, and a ticker's dates must be present
     * and strictly ascending, so that the file is sorted by (ticker, date) with no duplicates.
     *
     * @throws IllegalArgumentException when the order is violated (the writer stays usable)
     * @throws IOException when writing fails (the writer is then unusable; close it)
     */
    public void write(TickerPanel panel) throws IOException {
        requireOpen();
        checkOrder(panel);
        lastTicker = panel.ticker();
        if (panel.rows() == 0) {
            return;
        }
        int[] dates = panel.dates(ArtifactSchema.indexOf(ArtifactSchema.DATE));
        try {
            if (rowGroup == null) {
                rowGroup = free != null ? free : file.newRowGroup();
                free = null;
            }
            writeColumnsInParallel(panel);
            rowGroup.endRows(panel.rows());
            if (rowGroup.rows() >= limits.rows() || rowGroup.bufferedBytes() >= limits.bytes()) {
                endRowGroup();
            }
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        firstDay = Math.min(firstDay, dates[0]);
        lastDay = Math.max(lastDay, dates[dates.length - 1]);
        rows += panel.rows();
        tickers++;
    }

    /**
     * Finishes the file, forces it to the disk and renames it onto the final path in one step.
     *
     * @return what the artifact holds
     */
    public ArtifactStats commit() throws IOException {
        ArtifactStats stats = finish();
        place();
        return stats;
    }

    /**
     * Finishes the file and forces it to the disk under its temporary name, so that it can be placed together with
     * other files finished at the same time; nothing at the final path changes until {@link #place()}, and closing
     * before that deletes the file.
     *
     * @return what the artifact holds (at its final path once placed)
     */
    public ArtifactStats finish() throws IOException {
        requireOpen();
        long bytes;
        try {
            helpInFlight();
            awaitWriting();
            writeLastRowGroup();
            bytes = file.finish(footer);
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        state = State.FINISHED;
        return new ArtifactStats(finalPath, rows, descriptors.size(), tickers, rowGroups, bytes,
                day(firstDay), day(lastDay));
    }

    /** Renames the {@link #finish finished} file onto the final path in one step. */
    public void place() throws IOException {
        if (state != State.FINISHED) {
            throw new IllegalStateException("artifact writer is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not finished: " + finalPath);
        }
        try {
            file.place();
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        state = State.COMMITTED;
    }

    /** Without a commit: abandons the file (the temporary file is deleted, the final path untouched). */
    @Override
    public void close() throws IOException {
        if (columnPool != null) {
            columnPool.shutdownNow();
        }
        blockWriter.shutdownNow();
        try {
            blockWriter.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES); // before the file is closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state == State.COMMITTED || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        rowGroup = null; // abandoned with the file
        file.abandon();
    }

    private void checkOrder(TickerPanel panel) {
        String ticker = panel.ticker();
        if (ticker.isBlank()) {
            throw new IllegalArgumentException("blank ticker");
        }
        if (lastTicker != null && ticker.compareTo(lastTicker) <= 0) {
            throw new IllegalArgumentException("tickers out of order: " + ticker + " after " + lastTicker
                    + " (tickers must be written once each, in ascending order)");
        }
        int[] dates = panel.dates(ArtifactSchema.indexOf(ArtifactSchema.DATE));
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == TickerPanel.NO_DATE) {
                throw new IllegalArgumentException(ticker + ": row " + i + " has no date");
            }
            if (i > 0 && dates[i] <= dates[i - 1]) {
                throw new IllegalArgumentException(ticker + ": dates not strictly ascending at row " + i + ": "
                        + LocalDate.ofEpochDay(dates[i]) + " after " + LocalDate.ofEpochDay(dates[i - 1]));
            }
        }
    }

    /** Column range k is {@code [ranges[k], ranges[k + 1])}: {@code threads} ranges of (nearly) equal size. */
    static int[] ranges(int columns, int threads) {
        int parts = Math.max(1, Math.min(threads, columns));
        int[] bounds = new int[parts + 1];
        for (int k = 0; k <= parts; k++) {
            bounds[k] = (int) ((long) columns * k / parts);
        }
        return bounds;
    }

    private void writeColumnsInParallel(TickerPanel panel) throws IOException {
        if (columnPool == null) {
            writeColumns(panel, 0, descriptors.size());
            return;
        }
        List<Future<?>> others = new ArrayList<>(ranges.length - 2);
        for (int k = 1; k < ranges.length - 1; k++) {
            int from = ranges[k];
            int to = ranges[k + 1];
            others.add(columnPool.submit(() -> writeColumns(panel, from, to)));
        }
        RuntimeException failure = null;
        try {
            writeColumns(panel, ranges[0], ranges[1]);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                if (failure == null) {
                    failure = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while writing columns");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Appends the panel's columns {@code [from, to)} to the row group's chunks. */
    private void writeColumns(TickerPanel panel, int from, int to) {
        List<Column> columns = ArtifactSchema.COLUMNS;
        int n = panel.rows();
        for (int c = from; c < to; c++) {
            ColumnChunk chunk = rowGroup.column(c);
            switch (columns.get(c).type()) {
                case STRING -> chunk.appendText(panel.ticker(), n);
                case DATE -> chunk.appendInts(panel.dates(c), n, TickerPanel.NO_DATE);
                case DOUBLE -> {
                    if (panel.isStep(c)) {
                        chunk.appendDoubleSteps(panel.doubles(c), n, panel.stepStarts());
                    } else {
                        chunk.appendDoubles(panel.doubles(c), n);
                    }
                }
                case BOOLEAN -> chunk.appendBooleans(panel.booleans(c), n);
                case TIMESTAMP -> throw new IllegalStateException("the panel has no timestamp column");
            }
        }
    }

    /** Hands the filled row group to {@link #blockWriter} (after the one before it is written). */
    private void endRowGroup() throws IOException {
        if (rowGroup == null || rowGroup.rows() == 0) {
            return;
        }
        RowGroup full = rowGroup;
        rowGroup = null;
        free = awaitWriting();
        full.seal();
        inFlight = full;
        writing = blockWriter.submit(() -> {
            file.write(full);
            return full;
        });
    }

    /**
     * Encodes columns of the row group being written, if any, on this thread and the column threads, which have no
     * other work left: a short build ends while its one full row group is still being written.
     */
    private void helpInFlight() {
        RowGroup group = writing == null ? null : inFlight;
        if (group == null) {
            return;
        }
        for (int k = 0; columnPool != null && k < ranges.length - 2; k++) {
            columnPool.execute(group::help);
        }
        group.help();
    }

    /**
     * Writes the row group being filled, on this thread with the column threads' help: nothing else is left to do,
     * so the processors that built the tickers now encode and compress its columns.
     */
    private void writeLastRowGroup() throws IOException {
        RowGroup last = rowGroup;
        rowGroup = null;
        RowGroup.Helpers helpers = columnPool == null ? RowGroup.Helpers.NONE
                : new RowGroup.Helpers(columnPool, ranges.length - 2);
        if (last != null && file.write(last, helpers)) {
            rowGroups++;
        }
    }

    /** Waits for the row group being written, if any; it is returned, empty. A failure there is thrown here. */
    private RowGroup awaitWriting() throws IOException {
        if (writing == null) {
            return null;
        }
        Future<RowGroup> w = writing;
        writing = null;
        try {
            RowGroup written = w.get();
            rowGroups++;
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing a row group");
        } catch (ExecutionException e) {
            Failures.rethrow(e.getCause(), "writing a row group");
            throw new IOException("writing a row group failed", e);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("artifact writer is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + finalPath);
        }
    }

    private static Optional<LocalDate> day(int epochDay) {
        return epochDay == Integer.MAX_VALUE || epochDay == Integer.MIN_VALUE
                ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(epochDay));
    }
}
