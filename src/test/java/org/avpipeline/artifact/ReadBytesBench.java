package org.avpipeline.artifact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * A measurement, not a test: what DuckDB reads from an artifact for the readers' common queries (one ticker, one
 * day's cross-section, a whole column), counted from DuckDB's file-system log ({@link DuckDbReads}), against the
 * file's size. deploy/README.md ("Cost of a query") quotes it for a 1,000-ticker artifact built by
 * {@code avpipeline bench build --tickers 1000}. Run (DuckDB is a test dependency, so its jar is named):
 * {@code ./mvnw -B -q -o test-compile && java -cp "target/classes:target/test-classes:target/lib/*:$HOME/.m2/repository/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar" org.avpipeline.artifact.ReadBytesBench FILE [TICKER...]}
 */
public final class ReadBytesBench {
    private ReadBytesBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        List<BlockMetaData> blocks = ParquetFooter.read(file).getBlocks();
        long size = Files.size(file);
        long rows = blocks.stream().mapToLong(BlockMetaData::getRowCount).sum();
        System.out.printf("%s: %,d bytes, %,d rows, %d row groups%n", file, size, rows, blocks.size());
        String from = " FROM read_parquet(" + DuckDb.literal(file) + ")";
        List<String> tickers;
        try (DuckDb db = new DuckDb()) {
            tickers = args.length > 1 ? List.of(args).subList(1, args.length)
                    : db.query("SELECT ticker FROM (SELECT DISTINCT ticker" + from + ") ORDER BY ticker").stream()
                            .map(r -> (String) r.get(0)).toList();
            if (args.length == 1) {
                tickers = List.of(tickers.get(0), tickers.get(tickers.size() / 2), tickers.get(tickers.size() - 1));
            }
        }
        for (String t : tickers) {
            report("one ticker, every column (" + t + ")", file, "SELECT *" + from + " WHERE ticker = '" + t + "'",
                    blocks, size);
            report("one ticker, 3 columns (" + t + ")", file, "SELECT \"date\", market_cap, totalRevenue_ttm_per_share"
                    + from + " WHERE ticker = '" + t + "'", blocks, size);
        }
        report("footer only (row count)", file, "SELECT count(*)" + from, blocks, size);
        report("cross-section of one day, 9 columns", file, "SELECT ticker, \"date\", adjusted_close, market_cap, "
                + "has_complete_financial_data, totalRevenue_ttm_per_share, netIncome_ttm_per_share, fcf_ttm_per_share, "
                + "enterprise_value_per_share" + from + " WHERE \"date\" = DATE '2024-06-28'", blocks, size);
        report("one column, every row", file, "SELECT max(market_cap)" + from, blocks, size);
        report("every column, every row", file, "SELECT sum(hash(t))" + from + " t", blocks, size);
    }

    private static void report(String what, Path file, String sql, List<BlockMetaData> blocks, long size)
            throws Exception {
        DuckDbReads r = DuckDbReads.of(file, sql, blocks);
        System.out.printf("%-45s %,13d bytes (%5.2f%% of the file) in %,5d reads, %3d of %d row groups%n", what,
                r.bytes(), 100.0 * r.bytes() / size, r.reads(), r.rowGroups().size(), blocks.size());
    }
}
