package org.avpipeline.parquet;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * The columns of a row group while its rows arrive, for the panel's and the companions' writers alike: one
 * {@link ColumnChunk} per column, paged into one page store and written to the file as one block. After a block, the
 * same object takes the next row group's rows: its chunks keep their arrays, which a long build thus allocates once
 * (they outlive many young collections, which copied them while they were new). Not thread-safe, except that
 * different columns may be filled by different threads, and a sealed row group's columns are encoded by whichever
 * threads help.
 */
public final class RowGroup {
    private final MessageType schema;
    private final ParquetProperties properties;
    private final BytesInputCompressor compressor;
    private final List<ColumnDescriptor> descriptors;
    private final ColumnChunk[] chunks;
    private long rows;
    /** The sealed row group's encoding; null while rows arrive. */
    private volatile Encoding encoding;

    RowGroup(MessageType schema, ParquetProperties properties, BytesInputCompressor compressor) {
        this.schema = schema;
        this.properties = properties;
        this.compressor = compressor;
        this.descriptors = schema.getColumns();
        this.chunks = new ColumnChunk[descriptors.size()];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new ColumnChunk(descriptors.get(c), properties.getDictionaryPageSizeThreshold());
        }
    }

    /** The chunk of column {@code c}. */
    public ColumnChunk column(int c) {
        return chunks[c];
    }

    /** Ends {@code n} rows whose values every column has been given. */
    public void endRows(int n) {
        rows += n;
        for (ColumnChunk chunk : chunks) {
            if (chunk.rows() != rows) {
                throw new IllegalStateException("column " + chunk + " has " + chunk.rows() + " rows, not " + rows);
            }
        }
    }

    public long rows() {
        return rows;
    }

    /** Bytes held so far (the chunks' runs). */
    public long bufferedBytes() {
        long bytes = 0;
        for (ColumnChunk chunk : chunks) {
            bytes += chunk.bufferedBytes();
        }
        return bytes;
    }

    /**
     * Threads that help encode and compress a row group's columns: {@code count} tasks are handed to
     * {@code executor}, each taking the next column not yet taken, while the writing thread does the same.
     */
    public record Helpers(Executor executor, int count) {
        /** No help: the writing thread encodes every column. */
        public static final Helpers NONE = new Helpers(Runnable::run, 0);

        public Helpers {
            Objects.requireNonNull(executor, "executor");
            if (count < 0) {
                throw new IllegalArgumentException("helpers: " + count);
            }
        }
    }

    /**
     * Ends the row group's rows: from now on its columns may be encoded, by {@link #writeTo} and by any thread that
     * calls {@link #help()}, until it has been written. Call it on the thread that filled the row group, before
     * handing it to the thread that writes it. Nothing when there are no rows.
     */
    public void seal() {
        if (rows > 0 && encoding == null) {
            encoding = new Encoding(new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                    properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled()),
                    chunks.length);
        }
    }

    /**
     * Encodes columns of this sealed row group that no other thread has taken yet, until none is left; nothing when
     * the row group is not sealed or already written. Any thread may call it, any number of times.
     */
    public void help() {
        Encoding e = encoding;
        if (e != null) {
            e.work();
        }
    }

    /**
     * Writes the rows as one block of the file and empties the row group for the next rows; nothing when there are
     * none. The columns are encoded and compressed by this thread, the helpers and whoever {@link #help}s, each
     * taking the next column; this thread writes the block, in column order, once all are done. @return whether a
     * block was written
     */
    boolean writeTo(ParquetFileWriter file, Helpers helpers) throws IOException {
        if (rows == 0) {
            return false;
        }
        seal();
        Encoding e = encoding;
        try {
            for (int h = 0; h < Math.min(helpers.count(), chunks.length - 1); h++) {
                helpers.executor().execute(e::work);
            }
            e.work();
            e.awaitColumns();
            file.startBlock(rows);
            e.pages.flushToFileWriter(file);
            file.endBlock();
        } finally {
            encoding = null;
            e.pages.close();
        }
        rows = 0;
        return true;
    }

    /** A sealed row group's columns being encoded into their page writers (which share nothing between columns). */
    private final class Encoding {
        final ColumnChunkPageWriteStore pages;
        private final AtomicInteger next = new AtomicInteger();
        /** Counts down once for each column taken, whether encoded, failed, or skipped after a failure. */
        private final CountDownLatch unfinished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Encoding(ColumnChunkPageWriteStore pages, int columns) {
            this.pages = pages;
            this.unfinished = new CountDownLatch(columns);
        }

        /** Takes and encodes the next column until none is left (after a failure, the rest are skipped). */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks.length; c = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        chunks[c].writeTo(pages.getPageWriter(descriptors.get(c)));
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    unfinished.countDown();
                }
            }
        }

        /** Waits until every column is encoded; a failure in any thread is thrown here. */
        void awaitColumns() throws IOException {
            try {
                unfinished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while encoding a row group");
            }
            Failures.rethrow(failure.get(), "encoding a row group");
        }
    }
}
