package org.avpipeline.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One published Parquet file's schema as data: its name, its file name and its columns (names, types, whether they may
 * be missing) in order. The panel ({@link #PANEL}) and each companion ({@link CompanionSchemas}) are one of these, so
 * the writers, the reader's schema check, {@code inspect} and anything that derives table definitions (Glue) use one
 * list per file.
 *
 * @param name the Parquet message name, e.g. {@code ttm_quarterly_artifact}
 * @param fileName the file's name, e.g. {@code ttm_quarterly_artifact.parquet}
 * @param columns the columns in file order; the first is always {@code ticker}
 */
public record TableSchema(String name, String fileName, List<Column> columns) {
    /** The daily panel, the artifact (artifact.md): the 160 columns of {@link ArtifactSchema#COLUMNS}. */
    public static final TableSchema PANEL = new TableSchema(ArtifactParquetSchema.MESSAGE_NAME,
            ArtifactSchema.FILE_NAME, ArtifactSchema.COLUMNS);

    public TableSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileName, "fileName");
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(0).name().equals(ArtifactSchema.TICKER)) {
            throw new IllegalArgumentException(name + ": the first column must be " + ArtifactSchema.TICKER);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (seen.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException(name + ": duplicate column " + columns.get(i).name());
            }
        }
    }

    /** The position (0-based) of a column. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a column of " + fileName + ": " + column);
    }

    public boolean contains(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        columns.forEach(c -> names.add(c.name()));
        return Collections.unmodifiableList(names);
    }

    /** The Parquet schema: one field per column, REQUIRED where the column may not be missing. */
    public MessageType messageType() {
        List<Type> fields = new ArrayList<>(columns.size());
        for (Column c : columns) {
            fields.add(ArtifactParquetSchema.field(c));
        }
        return new MessageType(name, fields);
    }
}
