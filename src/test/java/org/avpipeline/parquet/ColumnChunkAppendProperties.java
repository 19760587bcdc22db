package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnChunk#appendDoubles} extends the runs in one loop and {@link ColumnChunk#appendInts} checks a required
 * column before it appends; they must leave exactly what appending every value as its own run leaves: the written
 * files are compared byte for byte.
 */
class ColumnChunkAppendProperties {
    private static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.DOUBLE).named("d")
            .optional(PrimitiveTypeName.INT32).named("i")
            .required(PrimitiveTypeName.DOUBLE).named("rd")
            .required(PrimitiveTypeName.INT32).named("ri")
            .named("t");
    private static final ParquetProperties PROPERTIES = ParquetProperties.builder()
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).build();

    @Property(tries = 60)
    void arraysAppendAsValueByValue(@ForAll @IntRange(min = 0, max = 3) int parts,
            @ForAll @IntRange(min = 0, max = 30_000) int rows, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        RowGroup bulk = new RowGroup(SCHEMA, PROPERTIES, new PlainCodecs().getCompressor(CompressionCodecName.ZSTD));
        RowGroup single = new RowGroup(SCHEMA, PROPERTIES, new PlainCodecs().getCompressor(CompressionCodecName.ZSTD));
        for (int part = 0; part <= parts; part++) {
            int n = rows == 0 ? 0 : random.nextInt(rows + 1);
            double[] d = new double[n + 3]; // longer than n: only the first n count
            int[] i = new int[n + 3];
            double[] rd = new double[n];
            int[] ri = new int[n];
            double value = random.nextDouble();
            int id = random.nextInt(10);
            for (int k = 0; k < n + 3; k++) {
                if (random.nextInt(8) == 0) { // runs of equal values, missing values, -0.0 next to 0.0
                    value = switch (random.nextInt(4)) {
                        case 0 -> Double.NaN;
                        case 1 -> random.nextBoolean() ? 0.0 : -0.0;
                        default -> Math.round(random.nextGaussian() * 100) / 4.0;
                    };
                    id = random.nextInt(5) == 0 ? Integer.MIN_VALUE : random.nextInt(10);
                }
                d[k] = random.nextInt(3) == 0 ? random.nextDouble() : value;
                i[k] = random.nextInt(3) == 0 ? random.nextInt() : id;
                if (k < n) {
                    rd[k] = Double.isNaN(d[k]) ? 1.5 : d[k];
                    ri[k] = i[k] == Integer.MIN_VALUE ? 7 : i[k];
                }
            }
            bulk.column(0).appendDoubles(d, n);
            bulk.column(1).appendInts(i, n, Integer.MIN_VALUE);
            bulk.column(2).appendDoubles(rd, n);
            bulk.column(3).appendInts(ri, n, Integer.MIN_VALUE);
            for (int k = 0; k < n; k++) {
                single.column(0).appendRun(Double.isNaN(d[k]) ? ColumnChunk.NULL : Double.doubleToRawLongBits(d[k]), 1);
                single.column(1).appendRun(i[k] == Integer.MIN_VALUE ? ColumnChunk.NULL : i[k], 1);
                single.column(2).appendRun(Double.doubleToRawLongBits(rd[k]), 1);
                single.column(3).appendRun(ri[k], 1);
            }
            bulk.endRows(n);
            single.endRows(n);
        }
        assertEquals(single.rows(), bulk.rows());
        assertArrayEquals(written(single), written(bulk));
    }

    @Test
    void aRequiredColumnRefusesAMissingValueAndTakesNothing() {
        ColumnDescriptor rd = SCHEMA.getColumns().get(2);
        ColumnDescriptor ri = SCHEMA.getColumns().get(3);
        ColumnChunk doubles = new ColumnChunk(rd, 1 << 20);
        ColumnChunk ints = new ColumnChunk(ri, 1 << 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> doubles.appendDoubles(new double[] {1, Double.NaN}, 2));
        assertEquals("rd is required: a value is missing", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ints.appendInts(new int[] {1, -1}, 2, -1));
        assertEquals(0, doubles.rows(), "nothing appended");
        assertEquals(0, ints.rows(), "nothing appended");
        doubles.appendDoubles(new double[] {1, Double.NaN}, 1);
        assertEquals(1, doubles.rows(), "only the first n values count");
    }

    private static byte[] written(RowGroup group) throws IOException {
        Path file = Files.createTempFile("chunk", ".parquet");
        try {
            Files.delete(file);
            ParquetFileWriter writer = new ParquetFileWriter(new SyncedFileOutput(file), SCHEMA,
                    ParquetFileWriter.Mode.CREATE, 64L << 20, 0, PROPERTIES.getColumnIndexTruncateLength(),
                    PROPERTIES.getStatisticsTruncateLength(), false, (FileEncryptionProperties) null);
            writer.start();
            boolean wrote = group.writeTo(writer, RowGroup.Helpers.NONE);
            writer.end(java.util.Map.of());
            assertTrue(wrote || group.rows() == 0);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
