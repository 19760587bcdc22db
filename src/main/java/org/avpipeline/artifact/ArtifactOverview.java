package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.parquet.schema.LogicalTypeAnnotation;

/**
 * The facts {@code inspect} shows about a Parquet file: size, rows, tickers, dates, footer metadata and each column's
 * type and missing values, and how its schema differs from the artifact's.
 *
 * @param tickers distinct tickers, when the file has a string {@code ticker} column
 * @param dates the first and last {@code date}, when the file has a Date {@code date} column with values
 * @param columns the top-level columns in order
 * @param table the published file the schema was checked against (the panel unless the file is a companion)
 */
public record ArtifactOverview(Path path, long bytes, long rows, int rowGroups, OptionalLong tickers,
                               Optional<ArtifactReader.DateRange> dates, String createdBy, Set<String> codecs,
                               Map<String, String> keyValueMetadata, List<ColumnOverview> columns,
                               SchemaCheck schemaCheck, TableSchema table) {

    /**
     * One column.
     *
     * @param nulls missing values; empty for a nested column, which is not counted
     */
    public record ColumnOverview(ParquetField field, OptionalLong nulls) {}

    /** Gathers the overview, checked against the panel's schema. */
    public static ArtifactOverview of(ArtifactReader reader) throws IOException {
        return of(reader, TableSchema.PANEL);
    }

    /**
     * Gathers the overview, checked against {@code table}'s schema; null counts come from statistics where the file
     * has them, else from reading. The dates are those of {@code date}, else of {@code fiscalDateEnding}.
     */
    public static ArtifactOverview of(ArtifactReader reader, TableSchema table) throws IOException {
        Map<String, Long> nulls = reader.nullCounts();
        List<ColumnOverview> columns = new ArrayList<>();
        for (ParquetField f : reader.fields()) {
            Long n = nulls.get(f.name());
            columns.add(new ColumnOverview(f, n == null ? OptionalLong.empty() : OptionalLong.of(n)));
        }
        OptionalLong tickers = hasColumn(reader, ArtifactSchema.TICKER, "BINARY", "String")
                ? OptionalLong.of(reader.countDistinct(ArtifactSchema.TICKER))
                : OptionalLong.empty();
        Optional<ArtifactReader.DateRange> dates = Optional.empty();
        for (String d : List.of(ArtifactSchema.DATE, ArtifactSchema.FISCAL_DATE_ENDING)) {
            if (hasColumn(reader, d, "INT32", ParquetField.logicalName(LogicalTypeAnnotation.dateType()))) {
                dates = reader.dateRange(d);
                break;
            }
        }
        return new ArtifactOverview(reader.path(), Files.size(reader.path()), reader.rowCount(),
                reader.rowGroupCount(), tickers, dates, reader.createdBy(), reader.codecs(),
                reader.keyValueMetadata(), List.copyOf(columns), reader.schemaCheck(table.columns()), table);
    }

    private static boolean hasColumn(ArtifactReader reader, String name, String physical, String logical) {
        return reader.fields().stream().anyMatch(f -> f.name().equals(name) && f.physicalType().equals(physical)
                && f.logicalType().equals(logical) && !f.repetition().equals("REPEATED"));
    }
}
