package org.avpipeline.parquet;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.PlainReadOptions;

/**
 * How our readers open a Parquet file with parquet-java's public reader API ({@code ParquetFileReader}): parquet's
 * defaults, this package's codecs ({@link PlainCodecs}) and no Hadoop configuration. The options themselves come from
 * {@link PlainReadOptions}, which has to sit in parquet's own package (it calls a package-private constructor); this is
 * its only caller, so a change of that constructor touches this package alone.
 */
public final class ReadOptions {
    private ReadOptions() {}

    /** Read options for any file: every codec the artifact or a foreign file may use, without Hadoop. */
    public static ParquetReadOptions plain() {
        return PlainReadOptions.with(new PlainCodecs());
    }
}
