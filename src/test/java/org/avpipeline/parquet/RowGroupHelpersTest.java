package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row group's columns encoded by several threads: a failure on any of them is thrown by the writing thread (never a
 * hang, never a block with a column missing), and every column is encoded exactly once. That the bytes are those of
 * one thread is {@code ArtifactWriterColumnThreadsTest}'s.
 */
class RowGroupHelpersTest {
    @TempDir
    Path dir;

    private final ExecutorService helpers = Executors.newFixedThreadPool(3);
    /** A small table of each kind of column the writers use (the panel's and the companions' alike). */
    private final MessageType schema = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("ticker")
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("date")
            .optional(PrimitiveTypeName.DOUBLE).named("a")
            .optional(PrimitiveTypeName.DOUBLE).named("b")
            .optional(PrimitiveTypeName.DOUBLE).named("c")
            .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("reported")
            .required(PrimitiveTypeName.BOOLEAN).named("complete")
            .named("helpers_test");
    private final ParquetProperties properties = ParquetProperties.builder()
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).build();

    @AfterEach
    void stop() {
        helpers.shutdownNow();
    }

    @Test
    void everyColumnIsCompressedOnceWhoeverHelps() throws IOException {
        Counting alone = new Counting(null);
        assertTrue(writeTo(filled(alone), RowGroup.Helpers.NONE));
        assertTrue(alone.pages.get() >= schema.getColumns().size(), "a page per column at least");

        Counting helped = new Counting(null);
        RowGroup group = filled(helped);
        group.seal();
        group.help(); // this thread takes every column before the writer starts
        group.help(); // and a second call finds none left
        assertTrue(writeTo(group, new RowGroup.Helpers(helpers, 3)));
        assertEquals(alone.pages.get(), helped.pages.get(), "the same pages (data and dictionary), each once");
        assertEquals(0, group.rows(), "emptied for the next rows");

        Counting pooled = new Counting(null);
        assertTrue(writeTo(filled(pooled), new RowGroup.Helpers(helpers, 3)));
        assertEquals(alone.pages.get(), pooled.pages.get());
    }

    @Test
    void aFailureOnAHelperIsThrownByTheWriter() throws IOException {
        Counting failing = new Counting("pool-");
        failing.writerWaits = Thread.currentThread(); // until a helper has taken a column: no race to win
        RowGroup group = filled(failing);
        IOException e = assertThrows(IOException.class, () -> writeTo(group, new RowGroup.Helpers(helpers, 3)));
        assertTrue(e.getMessage().contains("disk full on pool-"), e.getMessage());
    }

    @Test
    void aFailureOnTheWritingThreadIsThrownToo() throws IOException {
        Counting failing = new Counting(Thread.currentThread().getName());
        failing.goesFirst = Thread.currentThread(); // the helpers wait until the writer has taken a column: no race
        RowGroup group = filled(failing);
        IOException e = assertThrows(IOException.class, () -> writeTo(group, new RowGroup.Helpers(helpers, 3)));
        assertTrue(e.getMessage().startsWith("disk full on "), e.getMessage());
    }

    @Test
    void negativeHelpersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RowGroup.Helpers(helpers, -1));
    }

    private RowGroup filled(BytesInputCompressor compressor) {
        RowGroup group = new RowGroup(schema, properties, compressor);
        int rows = 2_000;
        Random random = new Random(3);
        for (int c = 0; c < schema.getColumns().size(); c++) {
            ColumnChunk chunk = group.column(c);
            switch (schema.getColumns().get(c).getPrimitiveType().getPrimitiveTypeName()) {
                case BINARY -> chunk.appendText("T", rows);
                case INT32 -> chunk.appendInts(random.ints(rows, 0, 20_000).toArray(), rows, Integer.MIN_VALUE);
                case DOUBLE -> chunk.appendDoubles(random.doubles(rows).map(d -> d < 0.1 ? Double.NaN : d).toArray(),
                        rows);
                case BOOLEAN -> {
                    boolean[] b = new boolean[rows];
                    for (int i = 0; i < rows; i++) {
                        b[i] = random.nextBoolean();
                    }
                    chunk.appendBooleans(b, rows);
                }
                default -> throw new IllegalStateException();
            }
        }
        group.endRows(rows);
        return group;
    }

    private boolean writeTo(RowGroup group, RowGroup.Helpers with) throws IOException {
        Path file = dir.resolve("g" + System.nanoTime() + ".parquet");
        ParquetFileWriter writer = new ParquetFileWriter(new SyncedFileOutput(file), schema,
                ParquetFileWriter.Mode.CREATE, 64L << 20, 0, properties.getColumnIndexTruncateLength(),
                properties.getStatisticsTruncateLength(), false, (FileEncryptionProperties) null);
        writer.start();
        try {
            return group.writeTo(writer, with);
        } finally {
            writer.close();
        }
    }

    /** Keeps pages as they are, counting them; fails on threads whose name starts with {@code failOn}. */
    private static final class Counting implements BytesInputCompressor {
        final AtomicInteger pages = new AtomicInteger();
        private final String failOn;

        Counting(String failOn) {
            this.failOn = failOn;
        }

        /** A thread that compresses nothing until another thread has tried to. */
        volatile Thread writerWaits;
        private final java.util.concurrent.CountDownLatch otherTried = new java.util.concurrent.CountDownLatch(1);
        /** A thread before which no other compresses (each other one waits, holding at most one column). */
        volatile Thread goesFirst;
        private final java.util.concurrent.CountDownLatch firstTried = new java.util.concurrent.CountDownLatch(1);

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            String thread = Thread.currentThread().getName();
            if (Thread.currentThread() == writerWaits) {
                await(otherTried);
            } else {
                otherTried.countDown();
            }
            if (goesFirst != null) {
                if (Thread.currentThread() == goesFirst) {
                    firstTried.countDown();
                } else {
                    await(firstTried);
                }
            }
            if (failOn != null && thread.startsWith(failOn)) {
                throw new IOException("disk full on " + thread);
            }
            pages.incrementAndGet();
            return BytesInput.copy(bytes);
        }

        private static void await(java.util.concurrent.CountDownLatch latch) throws java.io.InterruptedIOException {
            try {
                latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {}
    }
}
