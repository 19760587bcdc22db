package org.avpipeline.catalog;

/** One column of a catalog table: the Parquet column's name and its Hive type ({@link HiveTypes}). */
public record CatalogColumn(String name, String hiveType) {
    public CatalogColumn {
        if (name == null || name.isBlank() || hiveType == null || hiveType.isBlank()) {
            throw new IllegalArgumentException("a catalog column needs a name and a type: " + name + " " + hiveType);
        }
    }
}
