package org.avpipeline.artifact;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * The columns of one row group while its rows arrive, for the panel's and the companions' writers alike: the DOUBLE
 * columns as {@link DoubleColumnChunk}s, the others through parquet's own column writers, all paged into one page
 * store and written to the file as one block. Not thread-safe, except that different columns may be filled by
 * different threads.
 */
final class RowGroup implements AutoCloseable {
    private final List<ColumnDescriptor> descriptors;
    private final ColumnChunkPageWriteStore pages;
    private final ColumnWriteStore others;
    private final ColumnWriter[] writers;
    private final DoubleColumnChunk[] doubles;
    private long rows;

    RowGroup(MessageType schema, ParquetProperties properties, BytesInputCompressor compressor) {
        this.descriptors = schema.getColumns();
        this.pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        this.others = properties.newColumnWriteStore(DoubleColumnChunk.withoutDoubles(schema), pages, pages);
        this.writers = new ColumnWriter[descriptors.size()];
        this.doubles = new DoubleColumnChunk[descriptors.size()];
        for (int c = 0; c < writers.length; c++) {
            ColumnDescriptor d = descriptors.get(c);
            if (DoubleColumnChunk.isDouble(d)) {
                doubles[c] = new DoubleColumnChunk(d, properties.getDictionaryPageSizeThreshold());
            } else {
                writers[c] = others.getColumnWriter(d);
            }
        }
    }

    /** Parquet's writer of column {@code c} (not a DOUBLE column). */
    ColumnWriter writer(int c) {
        return writers[c];
    }

    /** The chunk of DOUBLE column {@code c}. */
    DoubleColumnChunk doubles(int c) {
        return doubles[c];
    }

    /** Ends {@code n} rows whose values every column has been given. */
    void endRows(int n) {
        for (int i = 0; i < n; i++) {
            others.endRecord();
        }
        rows += n;
    }

    long rows() {
        return rows;
    }

    /** Bytes held so far (parquet's buffers and the chunks' runs). */
    long bufferedBytes() {
        return others.getBufferedSize() + DoubleColumnChunk.bufferedBytes(doubles);
    }

    /** Writes the rows as one block of the file; nothing when there are none. @return whether a block was written */
    boolean writeTo(ParquetFileWriter file) throws IOException {
        if (rows == 0) {
            return false;
        }
        file.startBlock(rows);
        others.flush();
        for (int c = 0; c < doubles.length; c++) {
            if (doubles[c] != null) {
                doubles[c].writeTo(pages.getPageWriter(descriptors.get(c)));
            }
        }
        pages.flushToFileWriter(file);
        file.endBlock();
        return true;
    }

    @Override
    public void close() {
        others.close();
        pages.close();
    }
}
