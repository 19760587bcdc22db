package org.avpipeline.artifact;

import org.apache.parquet.schema.LogicalTypeAnnotation;

/**
 * One top-level field of a Parquet file's schema, as inspect shows it.
 *
 * @param name the field's name
 * @param physicalType BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE, BINARY, FIXED_LEN_BYTE_ARRAY, or GROUP for a nested
 *     field
 * @param logicalType the logical type annotation, e.g. {@code String} or {@code Date}; empty when there is none
 * @param repetition REQUIRED, OPTIONAL or REPEATED
 */
public record ParquetField(String name, String physicalType, String logicalType, String repetition) {

    /** The type as one word or two, e.g. {@code BINARY (String)}, {@code DOUBLE}. */
    public String type() {
        return logicalType.isEmpty() ? physicalType : physicalType + " (" + logicalType + ")";
    }

    public boolean isGroup() {
        return physicalType.equals("GROUP");
    }

    /** A logical type as inspect spells it: {@code String}, {@code Date}, {@code Decimal(9,2)}. */
    static String logicalName(LogicalTypeAnnotation logical) {
        String s = logical.toString();
        // "STRING" -> "String", "DATE" -> "Date", "DECIMAL(9,2)" -> "Decimal(9,2)"
        int paren = s.indexOf('(');
        String head = paren < 0 ? s : s.substring(0, paren);
        String tail = paren < 0 ? "" : s.substring(paren);
        return head.isEmpty() ? s : head.charAt(0) + head.substring(1).toLowerCase(java.util.Locale.ROOT) + tail;
    }
}
