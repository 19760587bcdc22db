package org.avpipeline.catalog;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The Hive type (as the Glue Data Catalog and Athena spell it) of a Parquet column: the type Athena must be told for
 * the values in the file to be read as they were written. One rule for every artifact, whatever its columns.
 */
public final class HiveTypes {
    private HiveTypes() {}

    /**
     * {@code string}, {@code date}, {@code double}, {@code boolean}, {@code float}, {@code int}, {@code bigint},
     * {@code timestamp} or {@code decimal(p,s)}; an {@link IllegalArgumentException} naming the column for a group
     * (nested) field or a type without a faithful Hive equivalent (unsigned integers, times of day, intervals,
     * binary without a logical type).
     */
    public static String of(Type field) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            throw new IllegalArgumentException("column " + field.getName() + " is nested or repeated: "
                    + "only flat columns become Glue columns");
        }
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        String type = switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN -> logical == null ? "boolean" : null;
            case DOUBLE -> logical == null ? "double" : null;
            case FLOAT -> logical == null ? "float" : null;
            case INT32 -> logical == null ? "int"
                    : logical instanceof DateLogicalTypeAnnotation ? "date"
                    : logical instanceof DecimalLogicalTypeAnnotation d ? decimal(d)
                    : logical instanceof IntLogicalTypeAnnotation i && i.isSigned()
                            ? (i.getBitWidth() == 8 ? "tinyint" : i.getBitWidth() == 16 ? "smallint" : "int")
                    : null;
            case INT64 -> logical == null ? "bigint"
                    : logical instanceof TimestampLogicalTypeAnnotation ? "timestamp"
                    : logical instanceof DecimalLogicalTypeAnnotation d ? decimal(d)
                    : logical instanceof IntLogicalTypeAnnotation i && i.isSigned() ? "bigint"
                    : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> logical instanceof StringLogicalTypeAnnotation ? "string"
                    : logical instanceof DecimalLogicalTypeAnnotation d ? decimal(d)
                    : null;
            case INT96 -> "timestamp";
        };
        if (type == null) {
            throw new IllegalArgumentException("column " + field.getName() + " has Parquet type " + primitive
                    + ", which has no Hive type that reads it faithfully");
        }
        return type;
    }

    private static String decimal(DecimalLogicalTypeAnnotation d) {
        return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
}
