package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * avpipeline's one class in parquet's package: read options without Hadoop. There is no public way to them in
 * parquet-java 1.18.2: {@code ParquetReadOptions.Builder()} makes a {@code HadoopParquetConfiguration}, and
 * {@code Builder(ParquetConfiguration)} calls {@code HadoopCodecs.newFactory} and {@code ParquetInputFormat.getFilter}
 * (a subclass of Hadoop MapReduce's {@code FileInputFormat}) even when the caller then passes its own codecs; Hadoop
 * is not on the class path. The constructor they end in is package-private. Compiled against the pinned parquet
 * version, so a change of that constructor fails the build, not the run. Part of the Parquet encoder's fence
 * ({@code org.avpipeline.parquet}, whose package-info says so): it must stay in {@code org.apache.parquet} for the
 * package-private access, and its only caller is {@code org.avpipeline.parquet.ReadOptions}.
 */
public final class PlainReadOptions {
    private PlainReadOptions() {}

    private static final int MAX_ALLOCATION = 8 * 1024 * 1024;

    /** parquet's defaults, with the given codecs and no Hadoop configuration. */
    public static ParquetReadOptions with(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false, // useSignedStringMinMax
                true, // useStatsFilter
                true, // useDictionaryFilter
                true, // useRecordFilter
                true, // useColumnIndexFilter
                false, // usePageChecksumVerification
                false, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                MAX_ALLOCATION,
                new HashMap<>(),
                null, // no decryption
                null, // no metrics callback
                new PlainParquetConfiguration());
    }
}
