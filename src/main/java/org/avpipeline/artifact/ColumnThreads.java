package org.avpipeline.artifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.avpipeline.concurrent.DaemonThreads;
import org.avpipeline.parquet.ColumnChunk;
import org.avpipeline.parquet.RowGroup;

/** Writes a ticker's columns into a row group in contiguous ranges, one thread per range after the first. */
final class ColumnThreads {
    /** Where column range k of {@link #ranges} is written (k ≥ 1; range 0 on the caller's thread); null for one. */
    private final ExecutorService pool;
    private final int[] ranges;

    ColumnThreads(int columns, int threads) {
        this.ranges = ranges(columns, threads);
        this.pool = ranges.length > 2
                ? Executors.newFixedThreadPool(ranges.length - 2, DaemonThreads.named("artifact-columns"))
                : null;
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

    /** Appends the panel's columns to the row group's chunks, range by range on the column threads. */
    void write(RowGroup rowGroup, TickerPanel panel) throws IOException {
        if (pool == null) {
            writeColumns(rowGroup, panel, 0, ranges[ranges.length - 1]);
            return;
        }
        List<Future<?>> others = new ArrayList<>(ranges.length - 2);
        for (int k = 1; k < ranges.length - 1; k++) {
            int from = ranges[k];
            int to = ranges[k + 1];
            others.add(pool.submit(() -> writeColumns(rowGroup, panel, from, to)));
        }
        RuntimeException failure = null;
        try {
            writeColumns(rowGroup, panel, ranges[0], ranges[1]);
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
    private static void writeColumns(RowGroup rowGroup, TickerPanel panel, int from, int to) {
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

    /** Encodes columns of a row group being written on this thread and every column thread. */
    void help(RowGroup group) {
        for (int k = 0; pool != null && k < ranges.length - 2; k++) {
            pool.execute(group::help);
        }
        group.help();
    }

    /** The column threads as a row group's helpers for its last write. */
    RowGroup.Helpers helpers() {
        return pool == null ? RowGroup.Helpers.NONE : new RowGroup.Helpers(pool, ranges.length - 2);
    }

    void shutdownNow() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
