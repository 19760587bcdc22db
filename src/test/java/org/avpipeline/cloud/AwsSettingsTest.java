package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:avpipeline-notifications";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theRequiredVariablesAloneGiveTheDefaults() throws Exception {
        AwsSettings s = AwsSettings.fromEnvironment(env("S3_BUCKET", "avpipeline-artifacts-prod", "SNS_TOPIC_ARN", TOPIC));

        assertEquals(Region.US_EAST_1, s.region());
        assertEquals("avpipeline-artifacts-prod", s.bucket());
        assertEquals(TOPIC, s.topicArn());
        assertEquals("QQQ", s.etfSymbol());
        assertEquals(LocalDate.of(2004, 12, 31), s.startDate());
        assertEquals("/avpipeline/alpha-vantage-api-key", s.apiKeyParameterName());
        assertEquals(75, s.rateLimitPerMinute());
        assertEquals(AwsSettings.EndpointOverrides.none(), s.endpoints());
    }

    @Test
    void everyVariableIsRead() throws Exception {
        AwsSettings s = AwsSettings.fromEnvironment(env("AWS_REGION", "eu-west-1", "S3_BUCKET", "b-1.x",
                "SNS_TOPIC_ARN", TOPIC, "ETF_SYMBOL", "iwb", "START_DATE", "2020-01-01",
                "AV_PARAMETER_NAME", "/other/key", "AV_RATE_LIMIT_PER_MIN", "150"));

        assertEquals(Region.EU_WEST_1, s.region());
        assertEquals("IWB", s.etfSymbol());
        assertEquals(LocalDate.of(2020, 1, 1), s.startDate());
        assertEquals("/other/key", s.apiKeyParameterName());
        assertEquals(150, s.rateLimitPerMinute());
    }

    @Test
    void aPerServiceEndpointWinsOverTheCommonOne() throws Exception {
        AwsSettings s = AwsSettings.fromEnvironment(env("S3_BUCKET", "bucket", "SNS_TOPIC_ARN", TOPIC,
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9090"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:9090")), s.endpoints().s3());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), s.endpoints().sns());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), s.endpoints().ssm());
    }

    @Test
    void everyProblemIsReportedTogether() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> AwsSettings.fromEnvironment(env("AWS_REGION", "moon-1", "START_DATE", "31/12/2004",
                        "ETF_SYMBOL", "Q Q", "AV_RATE_LIMIT_PER_MIN", "0", "AV_PARAMETER_NAME", "bad name",
                        "AWS_ENDPOINT_URL_SSM", "localhost:1234")));

        List<String> problems = e.problems();
        assertEquals(8, problems.size(), problems.toString());
        for (String variable : List.of("AWS_REGION", "S3_BUCKET", "SNS_TOPIC_ARN", "ETF_SYMBOL", "START_DATE",
                "AV_PARAMETER_NAME", "AV_RATE_LIMIT_PER_MIN", "AWS_ENDPOINT_URL_SSM")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(variable + " ")), variable + " in " + problems);
        }
        assertEquals(Optional.empty(), e.notificationTarget());
    }

    @Test
    void blankCountsAsUnset() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> AwsSettings.fromEnvironment(env("S3_BUCKET", "  ", "SNS_TOPIC_ARN", TOPIC, "ETF_SYMBOL", "")));
        assertEquals(List.of("S3_BUCKET is required (the artifact bucket, e.g. avpipeline-artifacts-prod)"),
                e.problems());
    }

    @Test
    void aConfigurationErrorStillKnowsWhereToNotify() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> AwsSettings.fromEnvironment(env("SNS_TOPIC_ARN", TOPIC, "AWS_REGION", "eu-central-1",
                        "AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:4566", "START_DATE", "never")));

        AwsSettings.NotificationTarget target = e.notificationTarget().orElseThrow();
        assertEquals(TOPIC, target.topicArn());
        assertEquals(Region.EU_CENTRAL_1, target.region());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), target.snsEndpoint());
    }

    @Test
    void aMalformedTopicArnIsNotUsedForNotifying() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> AwsSettings.fromEnvironment(env("S3_BUCKET", "bucket", "SNS_TOPIC_ARN", "my-topic")));
        assertEquals(List.of("SNS_TOPIC_ARN is not an SNS topic ARN: 'my-topic'"), e.problems());
        assertEquals(Optional.empty(), e.notificationTarget());
    }
}
