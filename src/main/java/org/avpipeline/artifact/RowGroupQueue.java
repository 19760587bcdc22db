package org.avpipeline.artifact;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.avpipeline.concurrent.DaemonThreads;
import org.avpipeline.parquet.Failures;
import org.avpipeline.parquet.RowGroup;
import org.avpipeline.parquet.StagedParquetFile;

/** The row group being filled, and the full one written into the file on its own thread meanwhile. */
final class RowGroupQueue {
    private final StagedParquetFile file;
    /** The row group being filled; null between row groups. */
    private RowGroup rowGroup;
    /** Writes each full row group into the file while the next one fills. */
    private final ExecutorService blockWriter = Executors.newSingleThreadExecutor(DaemonThreads.named("artifact-blocks"));
    /** The row group being written into the file; null when none is. */
    private Future<RowGroup> writing;
    /** The row group {@link #writing} writes (meaningful only while that is not null). */
    private RowGroup inFlight;
    /** A written row group, empty, for the next rows; null when there is none. */
    private RowGroup free;
    private int written;

    RowGroupQueue(StagedParquetFile file) {
        this.file = file;
    }

    /** The row group being filled; a new (or the last written, emptied) one after the one before ended. */
    RowGroup filling() {
        if (rowGroup == null) {
            rowGroup = free != null ? free : file.newRowGroup();
            free = null;
        }
        return rowGroup;
    }

    /** Ends the row group being filled when it reached either limit. */
    void endIfFull(ArtifactWriter.RowGroupLimits limits) throws IOException {
        if (rowGroup.rows() >= limits.rows() || rowGroup.bufferedBytes() >= limits.bytes()) {
            endRowGroup();
        }
    }

    /** The row groups written into the file so far. */
    int written() {
        return written;
    }

    /**
     * Writes what is left: helps the row group being written (its columns encoded on this thread and the column
     * threads), waits for it, then writes the one being filled with the column threads' help.
     */
    void finish(ColumnThreads columns) throws IOException {
        RowGroup group = writing == null ? null : inFlight;
        if (group != null) {
            columns.help(group);
        }
        awaitWriting();
        RowGroup last = rowGroup;
        rowGroup = null;
        if (last != null && file.write(last, columns.helpers())) {
            written++;
        }
    }

    /** Stops the block writer (before the file is closed). */
    void shutdown() {
        blockWriter.shutdownNow();
        try {
            blockWriter.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the row group being filled, abandoned with the file. */
    void abandon() {
        rowGroup = null;
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

    /** Waits for the row group being written, if any; it is returned, empty. A failure there is thrown here. */
    private RowGroup awaitWriting() throws IOException {
        if (writing == null) {
            return null;
        }
        Future<RowGroup> w = writing;
        writing = null;
        try {
            RowGroup done = w.get();
            written++;
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing a row group");
        } catch (ExecutionException e) {
            Failures.rethrow(e.getCause(), "writing a row group");
            throw new IOException("writing a row group failed", e);
        }
    }
}
