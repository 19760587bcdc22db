package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.avpipeline.parquet.PlainCodecs;

/**
 * The artifact written the way parquet-java writes any file: every value of every column through its own column
 * writers (levels, statistics, dictionary with fallback), one row group per call. The tests compare what
 * {@link ArtifactWriter} writes against this, value for value, as read back by DuckDB.
 */
final class ReferenceArtifactWriter {
    private ReferenceArtifactWriter() {}

    static void write(Path file, List<TickerPanel> panels) throws IOException {
        MessageType schema = ArtifactParquetSchema.messageType();
        List<ColumnDescriptor> descriptors = schema.getColumns();
        ParquetProperties props = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).withDictionaryEncoding(true)
                .withStatisticsEnabled(true).withAllocator(new HeapByteBufferAllocator()).build();
        PlainCodecs codecs = new PlainCodecs();
        LocalOutputFile out = new LocalOutputFile(file);
        {
            ParquetFileWriter w = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.CREATE, 64L << 20, 0,
                    props.getColumnIndexTruncateLength(), props.getStatisticsTruncateLength(),
                    props.getPageWriteChecksumEnabled(), (FileEncryptionProperties) null);
            w.start();
            ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                    codecs.getCompressor(CompressionCodecName.ZSTD), schema, props.getAllocator(),
                    props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
            ColumnWriteStore store = props.newColumnWriteStore(schema, pages, pages);
            long rows = 0;
            for (TickerPanel p : panels) {
                for (int c = 0; c < descriptors.size(); c++) {
                    ColumnWriter cw = store.getColumnWriter(descriptors.get(c));
                    int present = descriptors.get(c).getMaxDefinitionLevel();
                    for (int i = 0; i < p.rows(); i++) {
                        switch (ArtifactSchema.COLUMNS.get(c).type()) {
                            case STRING -> cw.write(Binary.fromString(p.ticker()), 0, present);
                            case DATE -> {
                                if (p.dates(c)[i] == TickerPanel.NO_DATE) {
                                    cw.writeNull(0, 0);
                                } else {
                                    cw.write(p.dates(c)[i], 0, present);
                                }
                            }
                            case DOUBLE -> {
                                if (Double.isNaN(p.doubles(c)[i])) {
                                    cw.writeNull(0, 0);
                                } else {
                                    cw.write(p.doubles(c)[i], 0, present);
                                }
                            }
                            case BOOLEAN -> cw.write(p.booleans(c)[i], 0, present);
                            default -> throw new IllegalStateException();
                        }
                    }
                }
                for (int i = 0; i < p.rows(); i++) {
                    store.endRecord();
                }
                rows += p.rows();
            }
            w.startBlock(rows);
            store.flush();
            pages.flushToFileWriter(w);
            w.endBlock();
            w.end(SamplePanels.META.toFooter());
            store.close();
            pages.close();
        }
    }
}
