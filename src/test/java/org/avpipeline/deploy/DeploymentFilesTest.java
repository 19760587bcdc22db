package org.avpipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files (Dockerfile, deploy/terraform, deploy/*.sh, deploy/README.md) keep every name, default and
 * promise of the original AWS deployment, and pass the linters. Terraform is read with a real HCL parser; shell
 * scripts are run (with stand-ins for aws, docker and terraform) rather than grepped.
 */
class DeploymentFilesTest {
    private static final String INSTALL_HINT = "run `bash .ci/install-test-tools.sh` to install it";
    private static final Path ROOT = projectRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path TERRAFORM = DEPLOY.resolve("terraform");
    private static final List<String> SCRIPTS = List.of("setup.sh", "build_and_push.sh", "run_task.sh");

    private static TerraformConfig terraform;

    @BeforeAll
    static void parseTerraformWhenTheParserIsThere() {
        if (ExternalCommand.onPath("node")
                && Files.isDirectory(ROOT.resolve("tools/node_modules/@cdktf/hcl2json"))) {
            terraform = TerraformConfig.parse(ROOT, TERRAFORM);
        }
    }

    private static TerraformConfig terraform() {
        assumeTrue(terraform != null, "node or @cdktf/hcl2json is missing: " + INSTALL_HINT);
        return terraform;
    }

    // ---- Terraform ------------------------------------------------------------------------------------------

    @Test
    void everyTerraformFileParses() {
        List<String> files = terraform().files().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(files.containsAll(List.of("main.tf", "variables.tf", "outputs.tf", "ecs.tf", "ecr.tf", "iam.tf")),
                "terraform files: " + files);
    }

    @Test
    void variablesKeepTheOriginalNamesAndDefaults() {
        TerraformConfig tf = terraform();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("aws_region", "us-east-1");
        defaults.put("bucket_suffix", "prod");
        defaults.put("schedule_expression", "cron(0 6 ? * SUN *)");
        defaults.put("task_cpu", 1024);
        defaults.put("task_memory", 2048);
        defaults.put("etf_symbol", "QQQ");
        defaults.put("start_date", "2004-12-31");
        defaults.put("cleaning", "as-served");
        defaults.put("api_key_parameter_name", "/avpipeline/alpha-vantage-api-key");
        defaults.put("rate_limit_per_min", 75);
        assertAll(defaults.entrySet().stream().map(e -> () -> {
            JsonNode value = tf.variable(e.getKey()).path("default");
            Object actual = value.isNumber() ? (Object) value.asInt() : value.asText(null);
            assertEquals(e.getValue(), actual, "default of variable " + e.getKey());
        }));
        assertFalse(tf.variable("email_address").has("default"), "email_address must be asked for, not defaulted");
        for (String name : tf.names("variable")) {
            assertFalse(tf.variable(name).path("description").asText("").isBlank(), name + " has no description");
        }
    }

    @Test
    void outputsAreThoseOfTheOriginal() {
        TerraformConfig tf = terraform();
        Map<String, String> outputs = Map.of(
                "ecr_repository_url", "${aws_ecr_repository.avpipeline.repository_url}",
                "s3_bucket_name", "${aws_s3_bucket.artifacts.id}",
                "s3_bucket_arn", "${aws_s3_bucket.artifacts.arn}",
                "ecs_cluster_name", "${aws_ecs_cluster.avpipeline.name}",
                "ecs_task_definition_arn", "${aws_ecs_task_definition.avpipeline.arn}",
                "sns_topic_arn", "${aws_sns_topic.pipeline_notifications.arn}",
                "cloudwatch_log_group", "${aws_cloudwatch_log_group.avpipeline.name}",
                "eventbridge_rule_name", "${aws_cloudwatch_event_rule.pipeline_schedule.name}");
        assertAll(outputs.entrySet().stream().map(e -> () ->
                assertEquals(e.getValue(), tf.output(e.getKey()).path("value").asText(), "output " + e.getKey())));
    }

    @Test
    void artifactBucketIsVersionedExpiringPrivateEncryptedAndTlsOnly() {
        TerraformConfig tf = terraform();
        assertEquals("avpipeline-artifacts-${var.bucket_suffix}", tf.resource("aws_s3_bucket", "artifacts").path("bucket").asText());
        assertEquals("Enabled", tf.resource("aws_s3_bucket_versioning", "artifacts")
                .path("versioning_configuration").get(0).path("status").asText());

        JsonNode rule = tf.resource("aws_s3_bucket_lifecycle_configuration", "artifacts").path("rule").get(0);
        assertEquals("Enabled", rule.path("status").asText());
        assertEquals(30, rule.path("expiration").get(0).path("days").asInt());
        assertEquals(30, rule.path("noncurrent_version_expiration").get(0).path("noncurrent_days").asInt());
        assertEquals("ttm-artifacts/", rule.path("filter").path(0).path("prefix").asText(),
                "the 30-day rule covers the artifacts: " + rule);

        // Statement vintages (alpha-vantage.md, "Vintages") never expire: no rule that expires current objects may
        // match a key under raw/<TICKER>/_vintages/ (S3 filters match by prefix and tags; a rule without a prefix
        // matches every key).
        String vintage = "raw/AAPL/_vintages/EARNINGS/20241015T060000Z.json.gz";
        for (JsonNode r : tf.resource("aws_s3_bucket_lifecycle_configuration", "artifacts").path("rule")) {
            if (!r.path("expiration").isMissingNode()) {
                String prefix = r.path("filter").path(0).path("prefix").asText("");
                assertTrue(!prefix.isEmpty() && !vintage.startsWith(prefix),
                        "rule " + r.path("id").asText() + " would expire kept vintages: " + r);
            }
        }

        JsonNode block = tf.resource("aws_s3_bucket_public_access_block", "artifacts");
        for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertTrue(block.path(setting).asBoolean(false), setting);
        }

        String algorithm = tf.resource("aws_s3_bucket_server_side_encryption_configuration", "artifacts")
                .path("rule").get(0).path("apply_server_side_encryption_by_default").get(0).path("sse_algorithm").asText();
        assertTrue(Set.of("AES256", "aws:kms").contains(algorithm), "server-side encryption: " + algorithm);

        String policy = tf.resource("aws_s3_bucket_policy", "artifacts").path("policy").asText();
        JsonNode document = policyDocument(tf, policy);
        JsonNode deny = statements(document).stream().filter(s -> s.path("effect").asText().equals("Deny"))
                .findFirst().orElseThrow(() -> new AssertionError("no Deny statement in the bucket policy"));
        JsonNode condition = deny.path("condition").get(0);
        assertEquals("aws:SecureTransport", condition.path("variable").asText());
        assertEquals("false", condition.path("values").get(0).asText());
        assertEquals(List.of("${aws_s3_bucket.artifacts.arn}", "${aws_s3_bucket.artifacts.arn}/*"), texts(deny.path("resources")));
    }

    @Test
    void topicRepositoryClusterLogsAndScheduleHaveTheOriginalNames() {
        TerraformConfig tf = terraform();
        assertEquals("avpipeline-notifications", tf.resource("aws_sns_topic", "pipeline_notifications").path("name").asText());
        JsonNode subscription = tf.resource("aws_sns_topic_subscription", "email");
        assertEquals("email", subscription.path("protocol").asText());
        assertEquals("${var.email_address}", subscription.path("endpoint").asText());

        JsonNode repository = tf.resource("aws_ecr_repository", "avpipeline");
        assertEquals("avpipeline", repository.path("name").asText());
        assertTrue(repository.path("image_scanning_configuration").get(0).path("scan_on_push").asBoolean());
        String lifecycle = tf.resource("aws_ecr_lifecycle_policy", "avpipeline").path("policy").asText();
        assertTrue(Pattern.compile("countType\\s*=\\s*\"imageCountMoreThan\"").matcher(lifecycle).find(), lifecycle);
        assertTrue(Pattern.compile("countNumber\\s*=\\s*5\\b").matcher(lifecycle).find(), "keep the last 5 images: " + lifecycle);

        assertEquals("avpipeline-cluster", tf.resource("aws_ecs_cluster", "avpipeline").path("name").asText());
        JsonNode logs = tf.resource("aws_cloudwatch_log_group", "avpipeline");
        assertEquals("/ecs/avpipeline", logs.path("name").asText());
        assertEquals(7, logs.path("retention_in_days").asInt());

        JsonNode schedule = tf.resource("aws_cloudwatch_event_rule", "pipeline_schedule");
        assertEquals("avpipeline-schedule", schedule.path("name").asText());
        assertEquals("${var.schedule_expression}", schedule.path("schedule_expression").asText());
    }

    @Test
    void taskDefinitionRunsTheImageOnFargateWithTheRunsEnvironmentAndLogs() {
        TerraformConfig tf = terraform();
        JsonNode task = tf.resource("aws_ecs_task_definition", "avpipeline");
        assertEquals("avpipeline", task.path("family").asText());
        assertEquals(List.of("FARGATE"), texts(task.path("requires_compatibilities")));
        assertEquals("awsvpc", task.path("network_mode").asText());
        assertEquals("${var.task_cpu}", task.path("cpu").asText());
        assertEquals("${var.task_memory}", task.path("memory").asText());
        assertEquals("${aws_iam_role.ecs_task_execution_role.arn}", task.path("execution_role_arn").asText());
        assertEquals("${aws_iam_role.ecs_task_role.arn}", task.path("task_role_arn").asText());

        String containers = task.path("container_definitions").asText();
        Map<String, String> environment = Map.of(
                "AWS_REGION", "var.aws_region",
                "S3_BUCKET", "aws_s3_bucket.artifacts.id",
                "SNS_TOPIC_ARN", "aws_sns_topic.pipeline_notifications.arn",
                "ETF_SYMBOL", "var.etf_symbol",
                "START_DATE", "var.start_date",
                "CLEANING", "var.cleaning",
                "AV_PARAMETER_NAME", "var.api_key_parameter_name");
        environment.forEach((name, value) -> assertTrue(
                Pattern.compile("name\\s*=\\s*\"" + name + "\"\\s*,\\s*value\\s*=\\s*" + Pattern.quote(value)).matcher(containers).find(),
                name + " = " + value + " missing from the container environment: " + containers));
        assertTrue(containers.contains("${aws_ecr_repository.avpipeline.repository_url}:latest"), "image: " + containers);
        assertTrue(containers.contains("\"awslogs\""), "awslogs driver: " + containers);
        assertTrue(containers.contains("aws_cloudwatch_log_group.avpipeline.name"), "log group: " + containers);
    }

    @Test
    void scheduleStartsTheTaskOnFargateInTheDefaultVpcWithAPublicIp() {
        TerraformConfig tf = terraform();
        assertTrue(tf.data("aws_vpc", "default").path("default").asBoolean());
        JsonNode target = tf.resource("aws_cloudwatch_event_target", "ecs_task");
        assertEquals("${aws_cloudwatch_event_rule.pipeline_schedule.name}", target.path("rule").asText());
        assertEquals("${aws_ecs_cluster.avpipeline.arn}", target.path("arn").asText());
        assertEquals("${aws_iam_role.eventbridge_ecs_role.arn}", target.path("role_arn").asText());
        JsonNode ecs = target.path("ecs_target").get(0);
        assertEquals("FARGATE", ecs.path("launch_type").asText());
        assertEquals("${aws_ecs_task_definition.avpipeline.arn}", ecs.path("task_definition_arn").asText());
        JsonNode network = ecs.path("network_configuration").get(0);
        assertEquals("${data.aws_subnets.default.ids}", network.path("subnets").asText());
        assertTrue(network.path("assign_public_ip").asBoolean());
    }

    @Test
    void everyPolicyIsAPolicyDocumentWithoutWildcardGrants() {
        TerraformConfig tf = terraform();
        // Every policy attached anywhere is one of this configuration's policy documents (so this test sees it all)
        Map<String, String> policyAttributes = new LinkedHashMap<>();
        tf.blocks("resource").forEach((address, body) -> {
            for (String attribute : List.of("policy", "assume_role_policy")) {
                if (body.has(attribute) && !address.startsWith("aws_ecr_lifecycle_policy.")) {
                    policyAttributes.put(address + "." + attribute, body.path(attribute).asText());
                }
            }
        });
        assertTrue(policyAttributes.size() >= 8, "policies found: " + policyAttributes.keySet());
        policyAttributes.forEach((where, value) -> assertTrue(
                value.matches("\\$\\{data\\.aws_iam_policy_document\\.[a-z0-9_]+\\.json}"),
                where + " must be a data.aws_iam_policy_document, not " + value));
        assertTrue(tf.names("resource", "aws_iam_role_policy_attachment").isEmpty(),
                "managed policies grant more than this configuration shows: " + tf.names("resource", "aws_iam_role_policy_attachment"));

        List<String> problems = new ArrayList<>();
        tf.blocks("data").forEach((address, document) -> {
            if (!address.startsWith("aws_iam_policy_document.")) {
                return;
            }
            for (JsonNode statement : statements(document)) {
                String where = address + " " + statement.path("sid").asText("(no sid)");
                String effect = statement.path("effect").asText("Allow");
                if (!statement.path("not_actions").isMissingNode() || !statement.path("not_resources").isMissingNode()) {
                    problems.add(where + ": uses not_actions / not_resources");
                }
                List<String> actions = texts(statement.path("actions"));
                if (actions.isEmpty()) {
                    problems.add(where + ": names no action");
                }
                if (!effect.equals("Allow")) {
                    continue; // a Deny only takes rights away; "s3:*" there is what makes it complete
                }
                for (String action : actions) {
                    if (action.contains("*")) {
                        problems.add(where + ": wildcard action " + action);
                    }
                }
                boolean assumeRole = actions.equals(List.of("sts:AssumeRole"));
                List<String> resources = texts(statement.path("resources"));
                if (resources.isEmpty() && !assumeRole) {
                    problems.add(where + ": names no resource");
                }
                for (String resource : resources) {
                    if (resource.equals("*") && !NO_RESOURCE_LEVEL_PERMISSIONS.containsAll(actions)) {
                        problems.add(where + ": resource \"*\" for " + actions);
                    }
                    if (resource.contains("${") && resource.contains(":*:")) {
                        problems.add(where + ": account or region wildcard in " + resource);
                    }
                }
                for (JsonNode principal : statement.path("principals")) {
                    if (texts(principal.path("identifiers")).contains("*")) {
                        problems.add(where + ": grants to every principal");
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    /** Actions that AWS does not let a policy scope to a resource: "*" is the only resource they take. */
    private static final Set<String> NO_RESOURCE_LEVEL_PERMISSIONS = Set.of("ecr:GetAuthorizationToken",
            "athena:ListWorkGroups");

    @Test
    void taskRoleMayDoExactlyWhatTheRunDoes() {
        TerraformConfig tf = terraform();
        JsonNode policy = tf.resource("aws_iam_role_policy", "ecs_task_policy");
        assertEquals("${aws_iam_role.ecs_task_role.id}", policy.path("role").asText());
        Map<String, List<String>> grants = grants(policyDocument(tf, policy.path("policy").asText()));
        String bucket = "${aws_s3_bucket.artifacts.arn}";
        String lock = bucket + "/" + org.avpipeline.cloud.S3StoreLock.KEY; // the run's lock object (issue 21)
        List<String> withLock = List.of(bucket + "/raw/*", bucket + "/ttm-artifacts/*", lock);
        Map<String, List<String>> expected = new java.util.TreeMap<>(Map.of(
                "s3:ListBucket", List.of(bucket),
                "s3:GetObject", withLock,
                "s3:PutObject", withLock,
                "s3:DeleteObject", List.of(lock),
                "s3:AbortMultipartUpload", withLock,
                "s3:ListMultipartUploadParts", withLock,
                "ssm:GetParameter", List.of("${local.api_key_parameter_arn}"),
                "sns:Publish", List.of("${aws_sns_topic.pipeline_notifications.arn}")));
        assertEquals(expected, grants);

        String parameterArn = locals(tf).path("api_key_parameter_arn").asText();
        assertTrue(parameterArn.startsWith("arn:${local.partition}:ssm:${var.aws_region}:${local.account_id}:parameter/"),
                "the one parameter in this account and region: " + parameterArn);
        assertTrue(parameterArn.contains("var.api_key_parameter_name"), parameterArn);
    }

    @Test
    void executionAndEventBridgeRolesMayDoOnlyTheirPart() {
        TerraformConfig tf = terraform();
        Map<String, List<String>> execution = grants(policyDocument(tf,
                tf.resource("aws_iam_role_policy", "ecs_task_execution_policy").path("policy").asText()));
        assertEquals(List.of("${aws_ecr_repository.avpipeline.arn}"), execution.get("ecr:BatchGetImage"));
        assertEquals(List.of("${aws_cloudwatch_log_group.avpipeline.arn}:log-stream:*"), execution.get("logs:PutLogEvents"));

        Map<String, List<String>> events = grants(policyDocument(tf,
                tf.resource("aws_iam_role_policy", "eventbridge_ecs_policy").path("policy").asText()));
        assertEquals(Set.of("ecs:RunTask", "iam:PassRole"), events.keySet());
        assertEquals(List.of("${aws_ecs_task_definition.avpipeline.arn_without_revision}:*"), events.get("ecs:RunTask"));
        assertEquals(List.of("${aws_iam_role.ecs_task_execution_role.arn}", "${aws_iam_role.ecs_task_role.arn}"),
                events.get("iam:PassRole"));

        Map<String, String> roleNames = Map.of(
                "ecs_task_execution_role", "avpipeline-ecs-task-execution-role",
                "ecs_task_role", "avpipeline-ecs-task-role",
                "eventbridge_ecs_role", "avpipeline-eventbridge-ecs-role");
        roleNames.forEach((address, name) -> assertEquals(name, tf.resource("aws_iam_role", address).path("name").asText()));
    }

    // ---- Shell scripts --------------------------------------------------------------------------------------

    @Test
    void scriptsAreStrictAndAnswerHelp() throws IOException {
        for (String script : SCRIPTS) {
            Path path = DEPLOY.resolve(script);
            String text = Files.readString(path);
            assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script + " shebang");
            assertTrue(Pattern.compile("(?m)^set -euo pipefail$").matcher(text).find(), script + " lacks set -euo pipefail");
            assertFalse(Pattern.compile("/(Users|home)/[A-Za-z]").matcher(text).find(), script + " names a machine-specific path");
            var help = ExternalCommand.run(ROOT, List.of("bash", path.toString(), "--help"));
            assertEquals(0, help.exitCode(), script + " --help: " + help.output());
            assertTrue(help.stdout().startsWith("Usage: bash deploy/" + script), script + " --help: " + help.stdout());
        }
    }

    @Test
    void scriptsPassShellcheck() throws IOException {
        assumeTrue(ExternalCommand.onPath("shellcheck"), "shellcheck is missing: " + INSTALL_HINT);
        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=bash", "--severity=style"));
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            files.filter(p -> p.toString().endsWith(".sh")).sorted().map(Path::toString).forEach(command::add);
        }
        assertTrue(command.size() >= 3 + SCRIPTS.size(), "scripts found: " + command);
        var result = ExternalCommand.run(ROOT, command);
        assertEquals(0, result.exitCode(), "shellcheck:\n" + result.output());
    }

    @Test
    void scriptsSayWhichPrerequisiteIsMissing(@TempDir Path temp) throws IOException {
        Path bin = ScriptStubs.minimalBin(temp.resolve("bin"));
        for (String script : SCRIPTS) {
            var result = runScript(script, bin, temp, "");
            assertEquals(1, result.exitCode(), script + ": " + result.output());
            assertTrue(result.stderr().contains("AWS CLI is not installed"), script + ": " + result.stderr());
        }
        ScriptStubs.install(bin, "aws");
        for (String script : List.of("setup.sh", "build_and_push.sh")) {
            var result = runScript(script, bin, temp, "");
            assertTrue(result.stderr().contains("Docker is not installed"), script + ": " + result.stderr());
        }
        ScriptStubs.install(bin, "docker");
        var noTerraform = runScript("setup.sh", bin, temp, "");
        assertTrue(noTerraform.stderr().contains("Terraform is not installed"), noTerraform.stderr());

        ScriptStubs.install(bin, "terraform");
        var noCredentials = runScript("setup.sh", bin, temp, "", Map.of("STUB_NO_CREDENTIALS", "1"));
        assertEquals(1, noCredentials.exitCode());
        assertTrue(noCredentials.stderr().contains("AWS credentials not configured"), noCredentials.stderr());
        assertTrue(noCredentials.stderr().contains("aws configure"), noCredentials.stderr());
    }

    @Test
    void setupRunsTheEightStepsAndNeverShowsTheApiKey(@TempDir Path temp) throws IOException {
        Path log = temp.resolve("calls.log");
        Path bin = ScriptStubs.minimalBin(temp.resolve("bin"));
        ScriptStubs.install(bin, "aws", "docker", "terraform");
        String key = "KEY-7f3a9c1e5b";
        var result = runScript("setup.sh", bin, temp, "ops@example.com\n" + key + "\n");
        assertEquals(0, result.exitCode(), result.output());

        for (int step = 1; step <= 8; step++) {
            assertTrue(result.stdout().contains("[Step " + step + "/8]"), "step " + step + " missing:\n" + result.stdout());
        }
        String calls = Files.readString(log);
        assertFalse(result.output().contains(key), "the API key was printed");
        assertFalse(calls.contains(key), "the API key was on a command line:\n" + calls);
        assertEquals(key, Files.readString(temp.resolve("stored-parameter-value")), "the key that reached Parameter Store");
        assertTrue(calls.contains("aws ssm put-parameter --name /avpipeline/alpha-vantage-api-key --type SecureString"), calls);
        assertTrue(calls.contains("terraform -chdir=" + TERRAFORM + " apply -input=false -var=email_address=ops@example.com -var=aws_region=us-east-1"), calls);
        assertTrue(calls.contains("docker build --platform linux/amd64 -t avpipeline:latest -f " + ROOT.resolve("Dockerfile") + " " + ROOT), calls);
        assertTrue(calls.contains("docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/avpipeline:latest"), calls);
        assertTrue(result.stdout().contains("confirm the SNS subscription"), result.stdout());
        assertTrue(result.stdout().contains("aws logs tail /ecs/avpipeline --follow --region us-east-1"), result.stdout());
        assertTrue(calls.indexOf("aws ssm put-parameter") < calls.indexOf("terraform -chdir"), "key stored before the task can run");
        assertTrue(calls.indexOf("apply") < calls.indexOf("docker build"), "infrastructure (the ECR repository) before the push");
    }

    @Test
    void runTaskStartsTheTaskInADefaultSubnetWithAPublicIp(@TempDir Path temp) throws IOException {
        Path log = temp.resolve("calls.log");
        Path bin = ScriptStubs.minimalBin(temp.resolve("bin"));
        ScriptStubs.install(bin, "aws");
        var result = runScript("run_task.sh", bin, temp, "", Map.of(), "--etf", "iwb");
        assertEquals(0, result.exitCode(), result.output());
        String calls = Files.readString(log);
        assertTrue(calls.contains("aws ec2 describe-subnets --filters Name=default-for-az,Values=true"), calls);
        assertTrue(calls.contains("aws ecs run-task --cluster avpipeline-cluster --task-definition avpipeline --launch-type FARGATE"
                + " --network-configuration awsvpcConfiguration={subnets=[subnet-0stub],assignPublicIp=ENABLED}"), calls);
        assertTrue(calls.contains("{\"name\":\"ETF_SYMBOL\",\"value\":\"IWB\"}"), calls);
        assertTrue(result.stdout().contains("Task ID:  0123abcd"), result.stdout());
    }

    private static ExternalCommand.Result runScript(String script, Path bin, Path home, String stdin) {
        return runScript(script, bin, home, stdin, Map.of());
    }

    private static ExternalCommand.Result runScript(String script, Path bin, Path home, String stdin,
            Map<String, String> extraEnvironment, String... arguments) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", bin.toString());
        environment.put("HOME", home.toString());
        environment.put("STUB_DIR", home.toString());
        environment.put("AWS_REGION", null);
        environment.put("EMAIL_ADDRESS", null);
        environment.put("AV_PARAMETER_NAME", null);
        environment.put("IMAGE_TAG", null);
        environment.putAll(extraEnvironment);
        List<String> command = new ArrayList<>(List.of(ScriptStubs.bash(), DEPLOY.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return ExternalCommand.run(ROOT, command, environment, stdin);
    }

    // ---- Dockerfile -----------------------------------------------------------------------------------------

    @Test
    void dockerfilePassesDockerfilelint() {
        Path linter = ROOT.resolve("tools/node_modules/.bin/dockerfilelint");
        assumeTrue(Files.isExecutable(linter) && ExternalCommand.onPath("node"), "dockerfilelint is missing: " + INSTALL_HINT);
        var result = ExternalCommand.run(ROOT, List.of(linter.toString(), "--json", "Dockerfile"));
        assertEquals(0, result.exitCode(), result.output());
        try {
            JsonNode report = new ObjectMapper().readTree(result.stdout());
            assertEquals(0, report.path("totalIssues").asInt(-1), result.stdout());
        } catch (IOException e) {
            throw new AssertionError("dockerfilelint printed no JSON: " + result.output(), e);
        }
    }

    @Test
    void dockerfileBuildsInOneStageAndRunsTheAwsModeAsNonRootInAnother() throws IOException {
        List<String[]> instructions = Dockerfile.instructions(Files.readString(ROOT.resolve("Dockerfile")));
        List<String> froms = Dockerfile.arguments(instructions, "FROM");
        assertTrue(froms.size() >= 2, "multi-stage: " + froms);
        assertTrue(froms.get(0).matches("eclipse-temurin:17[^ ]*-jdk[^ ]* AS build"), "build stage: " + froms.get(0));
        String runtime = froms.get(froms.size() - 1);
        assertFalse(runtime.contains("jdk") || runtime.contains("maven"), "runtime stage carries no JDK: " + runtime);
        assertFalse(runtime.endsWith(":latest") || !runtime.contains(":"), "runtime base pinned to a tag: " + runtime);

        List<String[]> runtimeStage = Dockerfile.lastStage(instructions);
        List<String> users = Dockerfile.arguments(runtimeStage, "USER");
        assertFalse(users.isEmpty(), "no USER in the runtime stage");
        String user = users.get(users.size() - 1);
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:"), "USER " + user);

        String entrypoint = String.join(" ", Dockerfile.arguments(runtimeStage, "ENTRYPOINT"));
        String cmd = String.join(" ", Dockerfile.arguments(runtimeStage, "CMD"));
        List<String> command = new ArrayList<>(Dockerfile.execForm(entrypoint));
        command.addAll(Dockerfile.execForm(cmd));
        assertEquals("java", command.get(0), "effective command: " + command);
        int jar = command.indexOf("-jar");
        assertTrue(jar > 0 && command.get(jar + 1).equals("/app/avpipeline.jar"), "effective command: " + command);
        assertEquals(List.of("run", "--aws"), command.subList(jar + 2, command.size()), "effective command: " + command);
        assertTrue(command.subList(0, jar).containsAll(List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")),
                "container JVM flags: " + command);

        // the dependency layer comes before the code, and the jar the image copies is the one Maven builds
        String all = String.join("\n", instructions.stream().map(i -> i[0] + " " + i[1]).toList());
        Matcher dependencies = Pattern.compile("(?m)^RUN .*\\./mvnw ").matcher(all);
        int code = all.indexOf("COPY src/");
        assertTrue(dependencies.find() && code > dependencies.start(), "dependencies resolved before the code is copied:\n" + all);
        assertTrue(all.indexOf("pom.xml") >= 0 && all.indexOf("pom.xml") < dependencies.start(), "pom.xml copied for the dependency step");
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertTrue(finalName.find(), "pom.xml finalName");
        assertTrue(all.contains("/build/target/" + finalName.group(1) + ".jar /app/avpipeline.jar"), all);
        assertTrue(all.contains("/build/target/lib/ /app/lib/"), "the manifest's Class-Path lib/ next to the jar: " + all);
    }

    @Test
    void dockerignoreLetsInWhatTheBuildCopiesAndNothingElse() throws IOException {
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("*", ignore.get(0), "an allow-list: everything is out unless named");
        Set<String> allowed = new TreeSet<>();
        ignore.stream().filter(l -> l.startsWith("!")).forEach(l -> allowed.add(l.substring(1).replaceAll("/$", "")));
        List<String[]> instructions = Dockerfile.instructions(Files.readString(ROOT.resolve("Dockerfile")));
        for (String copy : Dockerfile.arguments(instructions, "COPY")) {
            if (copy.startsWith("--from")) {
                continue;
            }
            List<String> parts = List.of(copy.split("\\s+"));
            for (String source : parts.subList(0, parts.size() - 1)) {
                String path = source.replaceAll("/$", "");
                assertTrue(allowed.stream().anyMatch(a -> path.equals(a) || path.startsWith(a + "/")),
                        "COPY " + source + " is not let in by .dockerignore " + allowed);
                assertTrue(Files.exists(ROOT.resolve(path)), "COPY " + source + " does not exist");
            }
        }
    }

    // ---- Guide ----------------------------------------------------------------------------------------------

    @Test
    void guideCoversEverySectionOfTheOriginalAndEveryNameOfTheConfiguration() throws IOException {
        String guide = Files.readString(DEPLOY.resolve("README.md"));
        List<String> sections = List.of("Architecture Overview", "Prerequisites", "Automated Deployment",
                "Manual Deployment", "Testing the Deployment", "Configuration", "Modify Schedule", "Adjust Resources",
                "Configure Pipeline Parameters", "Monitoring", "Updating the Pipeline", "Cost Estimate",
                "Troubleshooting", "Cleanup", "Support", "What could not be exercised here");
        for (String section : sections) {
            assertTrue(Pattern.compile("(?m)^#{2,3} " + Pattern.quote(section) + "\\b").matcher(guide).find(), "section " + section);
        }
        List<String> phrases = List.of("bash deploy/setup.sh", "bash deploy/build_and_push.sh", "bash deploy/run_task.sh",
                "aws ssm put-parameter", "/avpipeline/alpha-vantage-api-key", "SecureString",
                "terraform plan -var=\"email_address=your@email.com\"", "terraform apply -var=\"email_address=your@email.com\"",
                "aws logs tail /ecs/avpipeline --follow --region us-east-1", "aws ecs run-task",
                "--cluster avpipeline-cluster", "--task-definition avpipeline", "assignPublicIp=ENABLED",
                "s3://avpipeline-artifacts-prod/ttm-artifacts/", "ttm_per_share_financial_artifact.parquet",
                "cron(0 6 ? * SUN *)", "cron(0 6 ? * * *)", "cron(0 6 ? * MON-FRI *)", "cron(0 6 1 * ? *)",
                "-var=\"etf_symbol=IWB\"", "-var=\"start_date=2020-01-01\"", "terraform destroy",
                "aws ssm delete-parameter", "terraform output", "docker build --platform linux/amd64",
                "avpipeline-notifications", "avpipeline-schedule", "$0.04048", "$0.004445");
        for (String phrase : phrases) {
            assertTrue(guide.contains(phrase), "the guide does not mention " + phrase);
        }
        if (terraform != null) {
            for (String name : terraform.names("variable")) {
                assertTrue(guide.contains(name), "the guide does not mention variable " + name);
            }
            for (String name : terraform.names("output")) {
                assertTrue(guide.contains(name), "the guide does not mention output " + name);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static JsonNode policyDocument(TerraformConfig tf, String reference) {
        Matcher m = Pattern.compile("\\$\\{data\\.aws_iam_policy_document\\.([a-z0-9_]+)\\.json}").matcher(reference);
        assertTrue(m.matches(), "not a policy document reference: " + reference);
        return tf.data("aws_iam_policy_document", m.group(1));
    }

    private static List<JsonNode> statements(JsonNode document) {
        List<JsonNode> statements = new ArrayList<>();
        document.path("statement").forEach(statements::add);
        return statements;
    }

    /** action -> resources, over the Allow statements of a policy document (an action granted twice fails). */
    private static Map<String, List<String>> grants(JsonNode document) {
        Map<String, List<String>> grants = new java.util.TreeMap<>();
        for (JsonNode statement : statements(document)) {
            if (!statement.path("effect").asText("Allow").equals("Allow")) {
                continue;
            }
            for (String action : texts(statement.path("actions"))) {
                assertEquals(null, grants.put(action, texts(statement.path("resources"))), action + " granted twice");
            }
        }
        return grants;
    }

    private static JsonNode locals(TerraformConfig tf) {
        return tf.localsBlock();
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertNotEquals(null, dir, "no pom.xml above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
