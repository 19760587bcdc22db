package org.avpipeline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.junit.jupiter.api.Test;

/**
 * One source for the schema: the Glue table's columns come from the artifact's Parquet schema, and the checked-in
 * {@code deploy/terraform/glue_tables.tf} is exactly what {@link GlueTablesTerraform} renders from it.
 */
class GlueTablesTerraformTest {
    private static final Path ROOT = projectRoot();

    @Test
    void theCheckedInFileIsWhatTheSchemasRender() throws IOException {
        String checkedIn = Files.readString(ROOT.resolve(GlueTablesTerraform.DEFAULT_PATH));
        assertEquals(GlueTablesTerraform.render(CatalogTables.ALL), checkedIn,
                "deploy/terraform/glue_tables.tf differs from the artifacts' schemas; regenerate it:\n  "
                        + GlueTablesTerraform.REGENERATE);
    }

    @Test
    void thePanelTableHasTheArtifactsColumnsInOrderWithHiveTypes() {
        List<CatalogColumn> expected = new ArrayList<>();
        for (Column c : ArtifactSchema.COLUMNS) {
            String hive = switch (c.type()) {
                case STRING -> "string";
                case DATE -> "date";
                case DOUBLE -> "double";
                case BOOLEAN -> "boolean";
                case TIMESTAMP -> "timestamp";
            };
            expected.add(new CatalogColumn(c.name().toLowerCase(Locale.ROOT), hive));
        }
        assertEquals(expected, CatalogTables.PANEL.columns());
        assertEquals(160, CatalogTables.PANEL.columns().size());
        assertEquals(ArtifactSchema.FILE_NAME, CatalogTables.PANEL.fileName());
    }

    @Test
    void everyTableFileNameAndTableNameIsUnique() {
        assertEquals(CatalogTables.ALL.size(), CatalogTables.ALL.stream().map(CatalogTable::name).distinct().count());
        assertEquals(CatalogTables.ALL.size(),
                CatalogTables.ALL.stream().map(CatalogTable::fileName).distinct().count());
    }

    @Test
    void hiveTypesFollowTheParquetPhysicalAndLogicalTypes() {
        assertEquals("string", HiveTypes.of(Types.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType()).named("s")));
        assertEquals("date", HiveTypes.of(Types.optional(PrimitiveTypeName.INT32)
                .as(LogicalTypeAnnotation.dateType()).named("d")));
        assertEquals("double", HiveTypes.of(Types.optional(PrimitiveTypeName.DOUBLE).named("x")));
        assertEquals("boolean", HiveTypes.of(Types.required(PrimitiveTypeName.BOOLEAN).named("b")));
        assertEquals("float", HiveTypes.of(Types.optional(PrimitiveTypeName.FLOAT).named("f")));
        assertEquals("int", HiveTypes.of(Types.optional(PrimitiveTypeName.INT32).named("i")));
        assertEquals("smallint", HiveTypes.of(Types.optional(PrimitiveTypeName.INT32)
                .as(LogicalTypeAnnotation.intType(16, true)).named("i16")));
        assertEquals("bigint", HiveTypes.of(Types.optional(PrimitiveTypeName.INT64).named("l")));
        assertEquals("timestamp", HiveTypes.of(Types.optional(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("t")));
        assertEquals("decimal(9,2)", HiveTypes.of(Types.optional(PrimitiveTypeName.INT32)
                .as(LogicalTypeAnnotation.decimalType(2, 9)).named("m")));
    }

    @Test
    void typesWithoutAFaithfulHiveTypeAreRefusedByName() {
        List<Type> refused = List.of(
                Types.optional(PrimitiveTypeName.BINARY).named("raw_bytes"),
                Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("unsigned"),
                Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timeType(true,
                        LogicalTypeAnnotation.TimeUnit.MICROS)).named("time_of_day"),
                Types.optionalGroup().addField(Types.optional(PrimitiveTypeName.DOUBLE).named("x")).named("nested"),
                Types.repeated(PrimitiveTypeName.DOUBLE).named("list"));
        for (Type field : refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HiveTypes.of(field));
            assertTrue(e.getMessage().contains(field.getName()), e.getMessage());
        }
    }

    @Test
    void aTableRefusesColumnsThatOnlyCaseTellsApartAndNamesGlueCannotHold() {
        MessageType clash = new MessageType("m", Types.optional(PrimitiveTypeName.DOUBLE).named("netIncome"),
                Types.optional(PrimitiveTypeName.DOUBLE).named("netincome"));
        assertThrows(IllegalArgumentException.class, () -> new CatalogTable("t", "t.parquet", "", clash));
        MessageType fine = new MessageType("m", Types.optional(PrimitiveTypeName.DOUBLE).named("x"));
        assertThrows(IllegalArgumentException.class, () -> new CatalogTable("Price-Table", "p.parquet", "", fine));
        assertThrows(IllegalArgumentException.class, () -> new CatalogTable("t", "t.csv", "", fine));
    }

    /** A companion artifact (another schema, a timestamp) becomes a second entry of the same shape. */
    @Test
    void anyArtifactSchemaRendersAsOneMoreEntry() {
        MessageType profile = new MessageType("company_profile",
                Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("ticker"),
                Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name"),
                Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                        LogicalTypeAnnotation.TimeUnit.MILLIS)).named("fetched_at"));
        CatalogTable companion = new CatalogTable("company_profile", "company_profile.parquet",
                "One row per ticker: \"name\", sector; ${not a template}", profile);
        String text = GlueTablesTerraform.render(List.of(CatalogTables.PANEL, companion));
        assertTrue(text.contains("""
                    company_profile = {
                      file        = "company_profile.parquet"
                      description = "One row per ticker: \\"name\\", sector; $${not a template}"
                      columns = [
                        { name = "ticker", type = "string" },
                        { name = "name", type = "string" },
                        { name = "fetched_at", type = "timestamp" },
                      ]
                    }
                """), text);
        assertTrue(text.indexOf("ttm_per_share_financial_artifact = {") < text.indexOf("company_profile = {"));
    }

    @Test
    void theRegenerationCommandWritesTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path target = dir.resolve("glue_tables.tf");
        GlueTablesTerraform.main(new String[] {target.toString()});
        assertEquals(GlueTablesTerraform.render(CatalogTables.ALL), Files.readString(target));
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
