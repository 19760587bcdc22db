package org.avpipeline.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One artifact as a table of the Glue Data Catalog: the table's name, the file each run writes (one per run-date
 * folder), a description, and the file's Parquet schema, from which the columns follow.
 *
 * <p>Column names are lower-cased, as the Glue Data Catalog stores them (Hive's rule); Athena matches them to the
 * file's columns without regard to case. Two columns whose names differ only by case cannot be told apart there, so
 * such a schema is refused.
 */
public record CatalogTable(String name, String fileName, String description, MessageType schema) {
    public CatalogTable {
        Objects.requireNonNull(schema, "schema");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a Glue table name is lower-case letters, digits and _: " + name);
        }
        if (fileName == null || !fileName.matches("[A-Za-z0-9_.-]+\\.parquet")) {
            throw new IllegalArgumentException("not a Parquet file name: " + fileName);
        }
        Objects.requireNonNull(description, "description");
        Set<String> seen = new HashSet<>();
        for (Type field : schema.getFields()) {
            if (!seen.add(field.getName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + ": two columns are named " + field.getName()
                        + " when case is ignored");
            }
        }
    }

    /** The columns in the file's order, each with its Hive type. */
    public List<CatalogColumn> columns() {
        List<CatalogColumn> columns = new ArrayList<>();
        for (Type field : schema.getFields()) {
            columns.add(new CatalogColumn(field.getName().toLowerCase(Locale.ROOT), HiveTypes.of(field)));
        }
        return Collections.unmodifiableList(columns);
    }
}
