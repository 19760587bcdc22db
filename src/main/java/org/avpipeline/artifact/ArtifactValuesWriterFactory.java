package org.avpipeline.artifact;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet's default encodings, except that dictionary-encoded DOUBLE columns (Parquet 1.0 pages) use
 * {@link RepeatAwareDoubleDictionaryWriter}: same bytes, fewer hash lookups.
 */
final class ArtifactValuesWriterFactory implements ValuesWriterFactory {
    private final ValuesWriterFactory defaults = new DefaultValuesWriterFactory();
    private ParquetProperties properties;

    @Override
    public void initialize(ParquetProperties props) {
        this.properties = props;
        defaults.initialize(props);
    }

    /** PLAIN_DICTIONARY is deprecated for version 2 pages only; it is what version 1 pages use. */
    @Override
    @SuppressWarnings("deprecation")
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
        if (column.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE
                && properties.getWriterVersion() == ParquetProperties.WriterVersion.PARQUET_1_0
                && properties.isDictionaryEnabled(column)
                && !properties.isByteStreamSplitEnabled(column)) {
            return FallbackValuesWriter.of(
                    new RepeatAwareDoubleDictionaryWriter(properties.getDictionaryPageSizeThreshold(),
                            Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator()),
                    new PlainValuesWriter(properties.getInitialSlabSize(), properties.getPageSizeThreshold(),
                            properties.getAllocator()));
        }
        return defaults.newValuesWriter(column);
    }
}
