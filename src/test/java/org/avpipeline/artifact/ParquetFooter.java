package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.io.LocalInputFile;
import org.avpipeline.parquet.ReadOptions;

/** A Parquet file's footer as the tests read it: row groups, column chunks, page indexes. */
final class ParquetFooter {
    private ParquetFooter() {}

    static ParquetMetadata read(Path file) throws IOException {
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(file), ReadOptions.plain())) {
            return r.getFooter();
        }
    }

    /** The column index (per-page min/max) of every chunk of a column, one per row group; null where there is none. */
    static List<ColumnIndex> columnIndexes(Path file, String column) throws IOException {
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(file), ReadOptions.plain())) {
            List<ColumnIndex> indexes = new java.util.ArrayList<>();
            for (BlockMetaData block : r.getFooter().getBlocks()) {
                indexes.add(r.readColumnIndex(chunk(block, column)));
            }
            return indexes;
        }
    }

    static ColumnChunkMetaData chunk(BlockMetaData block, String column) {
        return block.getColumns().stream().filter(c -> c.getPath().toDotString().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column chunk " + column));
    }

    /** The bytes a row group's column chunks span in the file: [first, end). */
    static long[] span(BlockMetaData block) {
        long first = Long.MAX_VALUE;
        long end = 0;
        for (ColumnChunkMetaData c : block.getColumns()) {
            first = Math.min(first, c.getStartingPos());
            end = Math.max(end, c.getStartingPos() + c.getTotalSize());
        }
        return new long[] {first, end};
    }
}
