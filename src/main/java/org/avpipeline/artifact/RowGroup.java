package org.avpipeline.artifact;

import java.io.IOException;
import java.util.List;
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
 * different columns may be filled by different threads.
 */
final class RowGroup {
    private final MessageType schema;
    private final ParquetProperties properties;
    private final BytesInputCompressor compressor;
    private final List<ColumnDescriptor> descriptors;
    private final ColumnChunk[] chunks;
    private long rows;

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
    ColumnChunk column(int c) {
        return chunks[c];
    }

    /** Ends {@code n} rows whose values every column has been given. */
    void endRows(int n) {
        rows += n;
        for (ColumnChunk chunk : chunks) {
            if (chunk.rows() != rows) {
                throw new IllegalStateException("column " + chunk + " has " + chunk.rows() + " rows, not " + rows);
            }
        }
    }

    long rows() {
        return rows;
    }

    /** Bytes held so far (the chunks' runs). */
    long bufferedBytes() {
        long bytes = 0;
        for (ColumnChunk chunk : chunks) {
            bytes += chunk.bufferedBytes();
        }
        return bytes;
    }

    /**
     * Writes the rows as one block of the file and empties the row group for the next rows; nothing when there are
     * none. @return whether a block was written
     */
    boolean writeTo(ParquetFileWriter file) throws IOException {
        if (rows == 0) {
            return false;
        }
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        try {
            file.startBlock(rows);
            for (int c = 0; c < chunks.length; c++) {
                chunks[c].writeTo(pages.getPageWriter(descriptors.get(c)));
            }
            pages.flushToFileWriter(file);
            file.endBlock();
        } finally {
            pages.close();
        }
        rows = 0;
        return true;
    }
}
