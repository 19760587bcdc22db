package org.avpipeline.artifact;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/** The Parquet schema of the artifact, derived from {@link ArtifactSchema#COLUMNS} (artifact.md, "Physical types"). */
public final class ArtifactParquetSchema {
    private ArtifactParquetSchema() {}

    /** The name of the Parquet message (the root group). */
    public static final String MESSAGE_NAME = "ttm_per_share_financial_artifact";

    private static final MessageType MESSAGE = build();

    public static MessageType messageType() {
        return MESSAGE;
    }

    /** The Parquet field of one artifact column: REQUIRED for required columns, OPTIONAL otherwise. */
    public static PrimitiveType field(Column column) {
        Type.Repetition repetition = column.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
        return switch (column.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(column.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(column.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                    .named(column.name());
        };
    }

    /** True when a Parquet primitive type has the physical and logical type an artifact column of this type needs. */
    public static boolean hasType(PrimitiveType field, ColumnType type) {
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        PrimitiveTypeName physical = field.getPrimitiveTypeName();
        return switch (type) {
            case STRING -> physical == PrimitiveTypeName.BINARY
                    && logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation;
            case DATE -> physical == PrimitiveTypeName.INT32
                    && logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
            case DOUBLE -> physical == PrimitiveTypeName.DOUBLE && logical == null;
            case BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN && logical == null;
            case TIMESTAMP -> physical == PrimitiveTypeName.INT64
                    && logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
        };
    }

    /** How artifact.md spells the Parquet type of a column type, for messages. */
    public static String describe(ColumnType type) {
        return switch (type) {
            case STRING -> "BINARY (String)";
            case DATE -> "INT32 (Date)";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "INT64 (Timestamp, milliseconds, UTC)";
        };
    }

    private static MessageType build() {
        List<Type> fields = new ArrayList<>();
        for (Column c : ArtifactSchema.COLUMNS) {
            fields.add(field(c));
        }
        return new MessageType(MESSAGE_NAME, fields);
    }
}
