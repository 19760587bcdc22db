package org.avpipeline.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file of the project's format (ZSTD pages, dictionaries where they pay, statistics and page indexes,
 * version 1 pages) being written under a temporary name beside its final path: {@link #finish} ends it and forces it
 * to the disk, {@link #place} then renames it onto the final path in one step; {@link #abandon} deletes it (a finished
 * one too, until placed) and leaves any earlier file at the final path as it was. The panel's writer and the companion files' writer both write through one.
 */
public final class StagedParquetFile {
    private final Path finalPath;
    private final Path tempPath;
    private final MessageType schema;
    private final SyncedFileOutput output;
    private final ParquetFileWriter writer;
    private final ParquetProperties properties = ParquetProperties.builder()
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            .withDictionaryEncoding(true)
            .withStatisticsEnabled(true)
            .withAllocator(new HeapByteBufferAllocator())
            .build();
    /** Per thread: the last row group's columns are compressed by several threads ({@link #write(RowGroup, Helpers)}). */
    private final ThreadCompressors compressor = new ThreadCompressors(
            () -> new PlainCodecs().getCompressor(CompressionCodecName.ZSTD));

    /**
     * Starts the file (its directory created when missing).
     *
     * @param rowGroupBytes the row group size parquet records as the file's block size
     */
    public StagedParquetFile(Path finalPath, MessageType schema, long rowGroupBytes) throws IOException {
        this.finalPath = finalPath.toAbsolutePath();
        this.schema = schema;
        Path dir = this.finalPath.getParent();
        Files.createDirectories(dir);
        this.tempPath = dir.resolve("." + this.finalPath.getFileName() + "." + UUID.randomUUID() + ".tmp");
        this.output = new SyncedFileOutput(tempPath);
        ParquetFileWriter w = null;
        try {
            // This overload, because javac would need Hadoop's classes to tell the 7-argument ones apart.
            w = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.CREATE, rowGroupBytes, 0,
                    properties.getColumnIndexTruncateLength(), properties.getStatisticsTruncateLength(),
                    properties.getPageWriteChecksumEnabled(), (FileEncryptionProperties) null);
            w.start();
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                closeQuietly(w);
            }
            compressor.release();
            Files.deleteIfExists(tempPath);
            throw e;
        }
        this.writer = w;
    }

    public Path finalPath() {
        return finalPath;
    }

    /** An empty row group of this file's columns. */
    public RowGroup newRowGroup() {
        return new RowGroup(schema, properties, compressor);
    }

    /** Writes the row group's rows as the file's next block and empties it. @return whether there were rows */
    public boolean write(RowGroup rows) throws IOException {
        return rows.writeTo(writer, RowGroup.Helpers.NONE);
    }

    /** As {@link #write(RowGroup)}, the columns encoded and compressed by this thread and the helpers together. */
    public boolean write(RowGroup rows, RowGroup.Helpers helpers) throws IOException {
        return rows.writeTo(writer, helpers);
    }

    /**
     * Ends the file with this footer metadata and forces it to the disk, still under its temporary name: nothing at
     * the final path changes until {@link #place()}. @return its size in bytes
     */
    public long finish(Map<String, String> footer) throws IOException {
        writer.end(footer);
        output.sync();
        compressor.release();
        return Files.size(tempPath);
    }

    /** Renames the finished file onto the final path in one step. */
    public void place() throws IOException {
        SyncedFileOutput.moveIntoPlace(tempPath, finalPath);
    }

    /** Deletes the unfinished file (nothing at the final path changes). */
    public void abandon() throws IOException {
        compressor.release();
        closeQuietly(writer);
        Files.deleteIfExists(tempPath);
    }

    private static void closeQuietly(ParquetFileWriter w) {
        try {
            w.close();
        } catch (IOException | RuntimeException e) {
            // abandoning the file anyway
        }
    }
}
