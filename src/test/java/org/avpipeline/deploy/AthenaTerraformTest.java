package org.avpipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avpipeline.catalog.CatalogColumn;
import org.avpipeline.catalog.CatalogTable;
import org.avpipeline.catalog.CatalogTables;
import org.avpipeline.cloud.AthenaPointers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/terraform/athena.tf, read with the HCL parser: Glue tables over ttm-artifacts/ with partition projection on
 * the run date (no crawler), one per generated entry; a workgroup with its own encrypted, expiring result prefix; the
 * named queries; a reader role allowed only to query these tables in this workgroup.
 */
class AthenaTerraformTest {
    private static final Path ROOT = projectRoot();
    private static final String BUCKET_ARN = "${aws_s3_bucket.artifacts.arn}";
    private static final List<String> NAMED_QUERIES = List.of("coverage_per_month", "cross_section_on_one_day",
            "latest_snapshot_of_one_ticker");

    private static TerraformConfig terraform;

    @BeforeAll
    static void parse() {
        if (ExternalCommand.onPath("node") && Files.isDirectory(ROOT.resolve("tools/node_modules/@cdktf/hcl2json"))) {
            terraform = TerraformConfig.parse(ROOT, ROOT.resolve("deploy/terraform"));
        }
    }

    private static TerraformConfig tf() {
        assumeTrue(terraform != null, "node or @cdktf/hcl2json is missing: run `bash .ci/install-test-tools.sh`");
        return terraform;
    }

    @Test
    void theGeneratedLocalListsEveryCatalogTableWithItsColumns() {
        JsonNode tables = tf().localsBlock().path("glue_tables");
        List<String> names = new ArrayList<>();
        tables.fieldNames().forEachRemaining(names::add);
        // a Terraform map has no order (the HCL parser gives its keys sorted): the same tables, each with its columns
        assertEquals(CatalogTables.ALL.stream().map(CatalogTable::name).sorted().toList(),
                names.stream().sorted().toList());
        for (CatalogTable table : CatalogTables.ALL) {
            JsonNode entry = tables.path(table.name());
            assertEquals(table.fileName(), entry.path("file").asText());
            List<CatalogColumn> columns = new ArrayList<>();
            entry.path("columns").forEach(c -> columns.add(new CatalogColumn(c.path("name").asText(),
                    c.path("type").asText())));
            assertEquals(table.columns(), columns, table.name());
        }
    }

    @Test
    void eachTableIsProjectedOverTheRunDateFoldersWithoutACrawler() {
        TerraformConfig tf = tf();
        assertEquals("avpipeline", tf.resource("aws_glue_catalog_database", "artifacts").path("name").asText()
                .replace("${local.glue_database_name}", tf.localsBlock().path("glue_database_name").asText()));
        JsonNode table = tf.resource("aws_glue_catalog_table", "artifact");
        assertEquals("${local.glue_tables}", table.path("for_each").asText(), "one table per generated entry");
        assertEquals("${each.key}", table.path("name").asText());
        assertEquals("${aws_glue_catalog_database.artifacts.name}", table.path("database_name").asText());
        assertEquals("EXTERNAL_TABLE", table.path("table_type").asText());

        JsonNode p = table.path("parameters");
        assertEquals("true", p.path("projection.enabled").asText());
        assertEquals("date", p.path("projection.run_date.type").asText());
        assertEquals("yyyy-MM-dd", p.path("projection.run_date.format").asText());
        assertEquals("1", p.path("projection.run_date.interval").asText());
        assertEquals("DAYS", p.path("projection.run_date.interval.unit").asText());
        String range = tf.localsBlock().path("run_date_projection_range").asText();
        assertTrue(range.matches("NOW-\\d+DAYS,NOW"), "a range relative to today: " + range);
        assertTrue(Integer.parseInt(range.replaceAll("\\D", "")) > 30, "covers the 30 days the bucket keeps: " + range);

        JsonNode key = table.path("partition_keys").get(0);
        assertEquals("run_date", key.path("name").asText());
        assertEquals("string", key.path("type").asText());
        assertEquals(1, table.path("partition_keys").size());

        JsonNode storage = table.path("storage_descriptor").get(0);
        assertEquals("s3://${aws_s3_bucket.artifacts.id}/ttm-artifacts/", storage.path("location").asText());
        assertEquals("org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat", storage.path("input_format").asText());
        assertEquals("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                storage.path("ser_de_info").get(0).path("serialization_library").asText());
        JsonNode columns = storage.path("dynamic").path("columns").get(0);
        assertEquals("${each.value.columns}", columns.path("for_each").asText());
        assertEquals("${columns.value.name}", columns.path("content").get(0).path("name").asText());
        assertEquals("${columns.value.type}", columns.path("content").get(0).path("type").asText());

        assertTrue(tf.names("resource", "aws_glue_crawler").isEmpty(), "no crawler");
    }

    /** The folder the projection names for a run date is where the run writes its pointer (AthenaPointers). */
    @Test
    void theProjectedLocationIsWhereTheRunWritesItsPointer() {
        String template = tf().resource("aws_glue_catalog_table", "artifact").path("parameters")
                .path("storage.location.template").asText();
        String prefix = "s3://${aws_s3_bucket.artifacts.id}/";
        assertTrue(template.startsWith(prefix) && template.endsWith("/"), template);
        LocalDate day = LocalDate.of(2026, 3, 1);
        for (CatalogTable table : CatalogTables.ALL) {
            String folder = template.substring(prefix.length()).replace("$${run_date}", day.toString())
                    .replace("${each.key}", table.name());
            assertEquals(AthenaPointers.key(day, table.name()), folder + AthenaPointers.FILE_NAME);
        }
    }

    @Test
    void theWorkgroupEnforcesItsEncryptedExpiringResultPrefix() {
        TerraformConfig tf = tf();
        JsonNode workgroup = tf.resource("aws_athena_workgroup", "readers");
        assertEquals("avpipeline", workgroup.path("name").asText());
        JsonNode configuration = workgroup.path("configuration").get(0);
        assertTrue(configuration.path("enforce_workgroup_configuration").asBoolean(), "clients cannot override");
        assertEquals("${var.athena_bytes_scanned_cutoff}", configuration.path("bytes_scanned_cutoff_per_query").asText());
        JsonNode result = configuration.path("result_configuration").get(0);
        assertEquals("s3://${aws_s3_bucket.artifacts.id}/${local.athena_results}", result.path("output_location").asText());
        assertEquals("athena-results/", tf.localsBlock().path("athena_results").asText());
        assertEquals("SSE_S3", result.path("encryption_configuration").get(0).path("encryption_option").asText());

        JsonNode rules = tf.resource("aws_s3_bucket_lifecycle_configuration", "artifacts").path("rule");
        JsonNode resultsRule = null;
        for (JsonNode rule : rules) {
            if (rule.path("filter").path(0).path("prefix").asText().equals("${local.athena_results}")) {
                resultsRule = rule;
            }
        }
        assertTrue(resultsRule != null, "a lifecycle rule for the results: " + rules);
        assertEquals("Enabled", resultsRule.path("status").asText());
        assertEquals("${var.athena_results_retention_days}", resultsRule.path("expiration").get(0).path("days").asText());
        assertEquals(7, tf.variable("athena_results_retention_days").path("default").asInt());
    }

    @Test
    void theNamedQueriesAreTheSqlFilesInTheWorkgroupAndDatabase() throws IOException {
        TerraformConfig tf = tf();
        JsonNode queries = tf.resource("aws_athena_named_query", "artifact");
        assertEquals("${local.named_queries}", queries.path("for_each").asText());
        assertEquals("${file(\"${path.module}/queries/${each.key}.sql\")}", queries.path("query").asText());
        assertEquals("${aws_athena_workgroup.readers.id}", queries.path("workgroup").asText());
        assertEquals("${aws_glue_catalog_database.artifacts.name}", queries.path("database").asText());
        List<String> names = new ArrayList<>();
        tf.localsBlock().path("named_queries").fieldNames().forEachRemaining(names::add);
        assertEquals(NAMED_QUERIES, names.stream().sorted().toList());
        for (String name : names) {
            String sql = Files.readString(ROOT.resolve("deploy/terraform/queries/" + name + ".sql"));
            assertTrue(sql.contains("FROM ttm_per_share_financial_artifact"), name);
            assertTrue(sql.contains("max(run_date)"), name + " answers from the newest run");
        }
    }

    @Test
    void theReaderRoleMayQueryTheseTablesInThisWorkgroupAndNothingElse() {
        TerraformConfig tf = tf();
        assertEquals("avpipeline-athena-reader", tf.resource("aws_iam_role", "athena_reader").path("name").asText());
        JsonNode attached = tf.resource("aws_iam_role_policy", "athena_reader");
        assertEquals("${aws_iam_role.athena_reader.id}", attached.path("role").asText());
        assertEquals("${data.aws_iam_policy_document.athena_reader.json}", attached.path("policy").asText());

        JsonNode document = tf.data("aws_iam_policy_document", "athena_reader");
        Map<String, List<String>> grants = new TreeMap<>();
        List<String> conditions = new ArrayList<>();
        for (JsonNode statement : document.path("statement")) {
            assertEquals("Allow", statement.path("effect").asText());
            for (JsonNode action : statement.path("actions")) {
                List<String> resources = new ArrayList<>();
                statement.path("resources").forEach(r -> resources.add(r.asText()));
                if (statement.path("resources").isTextual()) {
                    resources.add(statement.path("resources").asText());
                }
                assertEquals(null, grants.put(action.asText(), resources), action + " granted twice");
            }
            statement.path("condition").forEach(c -> conditions.add(c.path("variable").asText() + " "
                    + c.path("values").toString()));
        }
        String workgroup = "${aws_athena_workgroup.readers.arn}";
        String tables = "${concat(\n      [local.glue_catalog_arn, local.glue_database_arn],\n"
                + "      [for t in aws_glue_catalog_table.artifact : t.arn],\n    )}";
        List<String> read = List.of(BUCKET_ARN + "/ttm-artifacts/*", BUCKET_ARN + "/${local.athena_results}*");
        List<String> results = List.of(BUCKET_ARN + "/${local.athena_results}*");
        Map<String, List<String>> expected = new TreeMap<>();
        for (String a : List.of("BatchGetNamedQuery", "BatchGetQueryExecution", "GetNamedQuery", "GetQueryExecution",
                "GetQueryResults", "GetQueryRuntimeStatistics", "GetWorkGroup", "ListNamedQueries",
                "ListQueryExecutions", "StartQueryExecution", "StopQueryExecution")) {
            expected.put("athena:" + a, List.of(workgroup));
        }
        for (String a : List.of("GetDataCatalog", "GetDatabase", "GetTableMetadata", "ListDatabases",
                "ListTableMetadata")) {
            expected.put("athena:" + a, List.of("${local.athena_catalog_arn}"));
        }
        expected.put("athena:ListWorkGroups", List.of("*"));
        for (String a : List.of("BatchGetPartition", "GetDatabase", "GetPartition", "GetPartitions", "GetTable",
                "GetTables")) {
            expected.put("glue:" + a, List.of(tables));
        }
        expected.put("s3:GetBucketLocation", List.of(BUCKET_ARN));
        expected.put("s3:ListBucket", List.of(BUCKET_ARN));
        expected.put("s3:GetObject", read);
        for (String a : List.of("PutObject", "AbortMultipartUpload", "ListMultipartUploadParts")) {
            expected.put("s3:" + a, results);
        }
        assertEquals(expected, grants);
        assertEquals(List.of("s3:prefix [\"ttm-artifacts/*\",\"${local.athena_results}*\"]"), conditions,
                "listing only under the artifacts and the results");
        assertFalse(grants.keySet().stream().anyMatch(a -> a.startsWith("s3:") && a.contains("Delete")));

        String trusted = tf.data("aws_iam_policy_document", "athena_reader_assume_role").path("statement").get(0)
                .path("principals").get(0).path("identifiers").asText();
        assertTrue(trusted.contains("var.athena_reader_principals") && trusted.contains(":root"), trusted);
        String catalog = tf.localsBlock().path("glue_catalog_arn").asText();
        assertEquals("arn:${local.partition}:glue:${var.aws_region}:${local.account_id}:catalog", catalog);
        assertTrue(tf.localsBlock().path("glue_database_arn").asText().endsWith(":database/${local.glue_database_name}"));
    }

    @Test
    void theOutputsSayHowToQuery() {
        TerraformConfig tf = tf();
        for (String name : List.of("glue_database_name", "glue_table_names", "athena_workgroup",
                "athena_results_location", "athena_named_query_ids", "athena_reader_role_arn", "how_to_query")) {
            assertFalse(tf.output(name).path("description").asText().isBlank(), name);
        }
        String how = tf.output("how_to_query").path("value").asText();
        for (String phrase : List.of("aws athena start-query-execution", "--work-group", "aws athena get-query-results",
                "read_parquet('s3://", "pyarrow.parquet.read_table(", "WHERE ticker = 'AAPL'")) {
            assertTrue(how.contains(phrase), "how_to_query lacks " + phrase + ":\n" + how);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
