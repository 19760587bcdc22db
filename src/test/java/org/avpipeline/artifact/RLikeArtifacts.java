package org.avpipeline.artifact;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Parquet files that DuckDB writes: an artifact as the original R system's arrow writer would have produced it (the
 * same columns, every one OPTIONAL, another writer's row groups and codecs), and files that are not artifacts.
 */
final class RLikeArtifacts {
    private RLikeArtifacts() {}

    /** Creates table {@code r} with the artifact's columns and three rows: AAA twice, BBB once. */
    static void createTable(DuckDb duck) throws SQLException {
        String columns = ArtifactSchema.COLUMNS.stream()
                .map(c -> "\"" + c.name() + "\" " + switch (c.type()) {
                    case STRING -> "VARCHAR";
                    case DATE -> "DATE";
                    case DOUBLE -> "DOUBLE";
                    case BOOLEAN -> "BOOLEAN";
                    case TIMESTAMP -> "TIMESTAMPTZ";
                })
                .collect(Collectors.joining(", "));
        duck.execute("CREATE OR REPLACE TABLE r (" + columns + ")");
        duck.execute("INSERT INTO r (ticker, date, fiscalDateEnding, adjusted_close, has_complete_financial_data,"
                + " \"netIncome.cf_ttm_per_share\") VALUES"
                + " ('AAA', DATE '2021-03-01', NULL, 20.5, false, NULL),"
                + " ('AAA', DATE '2021-03-02', DATE '2020-12-31', 21.0, true, -1.5),"
                + " ('BBB', DATE '2021-03-01', NULL, NULL, false, NULL)");
    }

    /** Writes table {@code r} (or a query) to a Parquet file with the given DuckDB compression name. */
    static Path copy(DuckDb duck, String query, Path file, String compression) throws SQLException {
        duck.execute("COPY (" + query + ") TO " + DuckDb.literal(file) + " (FORMAT parquet, COMPRESSION "
                + compression + ")");
        return file;
    }

    static Path artifact(DuckDb duck, Path file, String compression) throws SQLException {
        createTable(duck);
        return copy(duck, "SELECT * FROM r ORDER BY ticker, date", file, compression);
    }
}
