package org.avpipeline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * For any artifact schema of flat columns (names in any case, the types the artifacts use and the companions may),
 * the Glue table has one column per field, in the field order, lower-cased, with the type's Hive name; and the
 * Terraform text renders it so that an HCL parser reads back exactly those columns.
 */
class GlueTablesPropertiesTest {
    /** A Parquet field type and the Hive type Athena must be told. */
    private record Kind(String hive, java.util.function.Function<String, Type> field) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("string", n -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(n)),
            new Kind("date", n -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(n)),
            new Kind("double", n -> Types.optional(PrimitiveTypeName.DOUBLE).named(n)),
            new Kind("boolean", n -> Types.required(PrimitiveTypeName.BOOLEAN).named(n)),
            new Kind("bigint", n -> Types.optional(PrimitiveTypeName.INT64).named(n)),
            new Kind("timestamp", n -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation
                    .timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(n)));

    @Provide
    Arbitrary<Map<String, Integer>> schemas() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars('_').ofMinLength(1).ofMaxLength(12).filter(s -> Character.isLetter(s.charAt(0)));
        return Arbitraries.maps(names, Arbitraries.integers().between(0, KINDS.size() - 1)).ofMinSize(1).ofMaxSize(40)
                .filter(m -> m.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().count() == m.size());
    }

    @Property(tries = 300)
    void theColumnsAreTheFieldsInOrderLowerCasedWithTheirHiveTypes(@ForAll("schemas") Map<String, Integer> fields) {
        CatalogTable table = table("t", fields);
        List<CatalogColumn> expected = new ArrayList<>();
        fields.forEach((name, kind) -> expected.add(new CatalogColumn(name.toLowerCase(Locale.ROOT),
                KINDS.get(kind).hive())));
        assertEquals(expected, table.columns());
    }

    /** Many random tables rendered into one file, read back by the HCL parser (when node and it are installed). */
    @Property(tries = 3)
    void anHclParserReadsBackTheRenderedColumns(@ForAll("tableSets") List<Map<String, Integer>> schemas)
            throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("pom.xml"))) {
            root = root.getParent();
        }
        if (!Files.isDirectory(root.resolve("tools/node_modules/@cdktf/hcl2json"))) {
            System.err.println("GlueTablesPropertiesTest: @cdktf/hcl2json is missing, the HCL read-back is skipped: "
                    + "run `bash .ci/install-test-tools.sh` to install it");
            return; // the rendering itself is still checked by GlueTablesTerraformTest
        }
        List<CatalogTable> tables = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            tables.add(table("table_" + i, schemas.get(i)));
        }
        Path file = Files.createTempFile("glue_tables", ".tf");
        try {
            Files.writeString(file, GlueTablesTerraform.render(tables));
            Process node;
            try {
                node = new ProcessBuilder("node", root.resolve("tools/hcl2json.mjs").toString(), file.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException noNode) {
                System.err.println("GlueTablesPropertiesTest: node is missing, the HCL read-back is skipped");
                return;
            }
            byte[] out = node.getInputStream().readAllBytes();
            assertTrue(node.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, node.exitValue(), new String(out));
            JsonNode parsed = new ObjectMapper().readTree(out).path("locals").get(0).path("glue_tables");
            for (CatalogTable table : tables) {
                List<CatalogColumn> read = new ArrayList<>();
                parsed.path(table.name()).path("columns").forEach(c -> read.add(
                        new CatalogColumn(c.path("name").asText(), c.path("type").asText())));
                assertEquals(table.columns(), read, table.name());
                // the parser writes Terraform's JSON syntax, where $${ and %%{ still stand for a literal ${ and %{
                assertEquals(table.description(), parsed.path(table.name()).path("description").asText()
                        .replace("$${", "${").replace("%%{", "%{"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<Map<String, Integer>>> tableSets() {
        return schemas().list().ofMinSize(1).ofMaxSize(20);
    }

    private static CatalogTable table(String name, Map<String, Integer> fields) {
        List<Type> types = new ArrayList<>();
        fields.forEach((field, kind) -> types.add(KINDS.get(kind).field().apply(field)));
        return new CatalogTable(name, name + ".parquet", "table " + name + ": \"quoted\", ${x} and %{y}",
                new MessageType(name, types));
    }
}
