package org.avpipeline.artifact;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * What DuckDB reads from a Parquet file for a query, from DuckDB's own file-system log
 * ({@code enable_logging('FileSystem')}: one entry per read, with its position and length): the bytes, the reads,
 * and which row groups' column chunks they touched. The rest of the bytes are the footer (metadata, page indexes).
 */
record DuckDbReads(long bytes, int reads, Set<Integer> rowGroups, long bytesInRowGroups) {

    /** Runs {@code sql} on a fresh DuckDB and reports the reads of {@code file} it made. */
    static DuckDbReads of(Path file, String sql, List<BlockMetaData> blocks) throws SQLException {
        try (DuckDb db = new DuckDb()) {
            db.execute("CALL enable_logging('FileSystem')");
            db.query(sql);
            List<List<Object>> reads = db.query("SELECT pos, bytes FROM duckdb_logs_parsed('FileSystem') "
                    + "WHERE op = 'READ' AND path = " + DuckDb.literal(file));
            long bytes = 0;
            long inGroups = 0;
            Set<Integer> groups = new TreeSet<>();
            for (List<Object> read : reads) {
                long pos = ((Number) read.get(0)).longValue();
                long length = ((Number) read.get(1)).longValue();
                bytes += length;
                for (int g = 0; g < blocks.size(); g++) {
                    long[] span = ParquetFooter.span(blocks.get(g));
                    long overlap = Math.min(pos + length, span[1]) - Math.max(pos, span[0]);
                    if (overlap > 0) {
                        groups.add(g);
                        inGroups += overlap;
                    }
                }
            }
            return new DuckDbReads(bytes, reads.size(), groups, inGroups);
        }
    }
}
