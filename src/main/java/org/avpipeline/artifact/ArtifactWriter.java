package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;
import org.avpipeline.parquet.ColumnChunk;
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
    private final ColumnThreads columnThreads;

    private final RowGroupQueue rowGroups;

    private String lastTicker;
    private long rows;
    private int tickers;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;
    private State state = State.OPEN;

    private enum State { OPEN, FAILED, FINISHED, COMMITTED, CLOSED }

    private ArtifactWriter(Path finalPath, ArtifactMetadata meta, RowGroupLimits limits, int columnThreads)
            throws IOException {
        if (columnThreads < 1) {
            throw new IllegalArgumentException("column threads must be at least 1: " + columnThreads);
        }
        this.finalPath = finalPath.toAbsolutePath();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.footer = Objects.requireNonNull(meta, "meta").toFooter();
        this.file = new StagedParquetFile(this.finalPath, schema, limits.bytes());
        this.columnThreads = new ColumnThreads(descriptors.size(), columnThreads);
        this.rowGroups = new RowGroupQueue(file);
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
            RowGroup filling = rowGroups.filling();
            columnThreads.write(filling, panel);
            filling.endRows(panel.rows());
            rowGroups.endIfFull(limits);
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
            rowGroups.finish(columnThreads);
            bytes = file.finish(footer);
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        state = State.FINISHED;
        return new ArtifactStats(finalPath, rows, descriptors.size(), tickers, rowGroups.written(), bytes,
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
        columnThreads.shutdownNow();
        rowGroups.shutdown(); // before the file is closed
        if (state == State.COMMITTED || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        rowGroups.abandon(); // the row group being filled goes with the file
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
