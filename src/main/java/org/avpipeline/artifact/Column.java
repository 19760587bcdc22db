package org.avpipeline.artifact;

/** One artifact column: its name, type, and whether it may be missing. */
public record Column(String name, ColumnType type, boolean required) {
    public Column {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name is blank");
        }
    }
}
