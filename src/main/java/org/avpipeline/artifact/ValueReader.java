package org.avpipeline.artifact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/** Reads a column's current value as the Java object {@link ArtifactReader} returns for its type. */
@FunctionalInterface
interface ValueReader {
    Object read(ColumnReader r);

    static ValueReader of(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
            int scale = dec.getScale();
            return switch (type.getPrimitiveTypeName()) {
                case INT32 -> r -> BigDecimal.valueOf(r.getInteger(), scale);
                case INT64 -> r -> BigDecimal.valueOf(r.getLong(), scale);
                default -> r -> new BigDecimal(new BigInteger(r.getBinary().getBytes()), scale);
            };
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> ColumnReader::getBoolean;
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? r -> LocalDate.ofEpochDay(r.getInteger())
                    : ColumnReader::getInteger;
            case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    ? timestamp(ts)
                    : ColumnReader::getLong;
            case FLOAT -> ColumnReader::getFloat;
            case DOUBLE -> ColumnReader::getDouble;
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> isText(logical)
                    ? r -> r.getBinary().toStringUsingUTF8()
                    : r -> "0x" + HexFormat.of().formatHex(r.getBinary().getBytes());
        };
    }

    private static boolean isText(LogicalTypeAnnotation logical) {
        return logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    }

    private static ValueReader timestamp(LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
        long perSecond = switch (ts.getUnit()) {
            case MILLIS -> 1_000L;
            case MICROS -> 1_000_000L;
            case NANOS -> 1_000_000_000L;
        };
        return r -> {
            long v = r.getLong();
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(v, perSecond),
                    Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond));
            return ts.isAdjustedToUTC() ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        };
    }
}
