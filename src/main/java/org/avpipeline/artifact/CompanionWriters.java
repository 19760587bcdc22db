package org.avpipeline.artifact;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.avpipeline.concurrent.DaemonThreads;

/**
 * The four companion files of a build, written beside the panel in one directory as the tickers stream by (in
 * ticker order), each committed atomically by {@link #commit()} (or finished on the companions' thread while the
 * panel finishes, then placed: {@link #startFinishing()}, {@link #awaitFinished()}, {@link #place()}); closing
 * without placing them abandons all four.
 *
 * <p>The rows are written on a thread of their own, in the order they are given, so that the panel's writer (the
 * caller) and the companions' writer work at the same time; at most {@link #QUEUED} tickers wait, which bounds the
 * memory. A failure there is thrown by the next {@link #write} or by {@link #commit()}.
 */
public final class CompanionWriters implements AutoCloseable {
    /** Tickers whose rows may wait for the companions' thread. */
    static final int QUEUED = 8;

    private final List<TableWriter> writers;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("companion-writer"));
    private final Semaphore room = new Semaphore(QUEUED);
    private volatile Throwable failure;
    /** The files being finished on the companions' thread; null until {@link #startFinishing()}. */
    private Future<List<ArtifactStats>> finishing;

    private CompanionWriters(List<TableWriter> writers) {
        this.writers = writers;
    }

    /**
     * Where a companion file of {@code artifact} goes (the one place for the names): beside it, under the table's
     * own name when the artifact has the standard name ({@link ArtifactSchema#FILE_NAME}, as in every run's folder),
     * else prefixed with the artifact's stem ({@code build --out qqq.parquet} writes
     * {@code qqq.ttm_quarterly_artifact.parquet}), so that two builds with different names in one folder never
     * overwrite each other's companions.
     */
    public static Path besideArtifact(Path artifact, TableSchema table) {
        String name = artifact.getFileName().toString();
        if (name.equals(ArtifactSchema.FILE_NAME)) {
            return artifact.resolveSibling(table.fileName());
        }
        String stem = name.endsWith(".parquet") ? name.substring(0, name.length() - ".parquet".length()) : name;
        return artifact.resolveSibling(stem + "." + table.fileName());
    }

    /** Starts the files of {@link CompanionSchemas#ALL} beside {@code artifact} ({@link #besideArtifact}). */
    public static CompanionWriters open(Path artifact, ArtifactMetadata meta) throws IOException {
        List<TableWriter> opened = new ArrayList<>();
        try {
            for (TableSchema table : CompanionSchemas.ALL) {
                opened.add(TableWriter.open(table, besideArtifact(artifact, table), meta));
            }
        } catch (IOException | RuntimeException e) {
            for (TableWriter w : opened) {
                w.close();
            }
            throw e;
        }
        return new CompanionWriters(List.copyOf(opened));
    }

    /**
     * Hands one ticker's rows of the four files (in the order of {@link CompanionSchemas#ALL}; a null is a file
     * where it has no row) to the companions' thread; waits while the queue is full.
     */
    public void write(TableRows quarters, TableRows prices, TableRows profile, TableRows restatements)
            throws IOException {
        rethrowFailure();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over companion rows");
        }
        thread.execute(() -> {
            try {
                if (failure == null) {
                    write(0, quarters);
                    write(1, prices);
                    write(2, profile);
                    write(3, restatements);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                room.release();
            }
        });
    }

    private void write(int file, TableRows rows) throws IOException {
        if (rows != null) {
            writers.get(file).write(rows);
        }
    }

    /**
     * Finishes the four files and puts them at their final paths: {@link #startFinishing()},
     * {@link #awaitFinished()} and {@link #place()} in one.
     */
    public List<ArtifactStats> commit() throws IOException {
        startFinishing();
        List<ArtifactStats> stats = awaitFinished();
        place();
        return stats;
    }

    /**
     * Starts finishing the four files on the companions' thread, after the rows handed over: each file's last row
     * group encoded, its footer written, the file forced to the disk under its temporary name. The caller meanwhile
     * finishes the panel; nothing at the final paths changes until {@link #place()}.
     */
    public void startFinishing() {
        if (finishing != null) {
            throw new IllegalStateException("the companion files are already being finished");
        }
        finishing = thread.submit(() -> {
            rethrowFailure();
            List<ArtifactStats> stats = new ArrayList<>();
            for (TableWriter w : writers) {
                stats.add(w.finish());
            }
            return List.copyOf(stats);
        });
    }

    /**
     * Waits until {@link #startFinishing()} is done. @return the four files' stats, in the order of
     * {@link CompanionSchemas#ALL} @throws IOException what failed there, or on the companions' thread before
     */
    public List<ArtifactStats> awaitFinished() throws IOException {
        if (finishing == null) {
            throw new IllegalStateException("the companion files are not being finished");
        }
        try {
            return finishing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while finishing the companion files");
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** Puts the finished files at their final paths, each in one step, in the order of {@link CompanionSchemas#ALL}. */
    public void place() throws IOException {
        for (TableWriter w : writers) {
            w.place();
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        if (t != null) {
            throw rethrown(t);
        }
    }

    /** A failure on the companions' thread as the caller throws it (an unchecked one as it was). */
    private static IOException rethrown(Throwable t) {
        if (t instanceof IOException e) {
            return e;
        }
        if (t instanceof UncheckedIOException e) {
            return e.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException("companion files: " + t, t);
    }

    @Override
    public void close() throws IOException {
        thread.shutdownNow();
        IOException first = null;
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                first = new IOException("the companion files' writer did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TableWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
