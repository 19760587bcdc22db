package org.avpipeline.cloud;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS run's configuration, read from the environment (deploy.md, "The run inside the container").
 *
 * <p>Endpoint overrides use the SDK's standard variables: {@code AWS_ENDPOINT_URL} for every service and
 * {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_SNS}, {@code AWS_ENDPOINT_URL_SSM} per service (the per-service
 * one wins). SDK 2.57 reads these same variables from the process environment by itself; they are read here too so
 * that an injected environment (tests, the CLI) is the one source of truth, and applied explicitly to the clients.
 * In production the injected environment is {@link System#getenv()}, so both readings agree.
 *
 * @param rateLimitPerMinute Alpha Vantage requests per minute ({@code AV_RATE_LIMIT_PER_MIN})
 */
public record AwsSettings(
        Region region,
        String bucket,
        String topicArn,
        String etfSymbol,
        LocalDate startDate,
        String apiKeyParameterName,
        int rateLimitPerMinute,
        EndpointOverrides endpoints) {

    public static final String AWS_REGION = "AWS_REGION";
    public static final String S3_BUCKET = "S3_BUCKET";
    public static final String SNS_TOPIC_ARN = "SNS_TOPIC_ARN";
    public static final String ETF_SYMBOL = "ETF_SYMBOL";
    public static final String START_DATE = "START_DATE";
    public static final String AV_PARAMETER_NAME = "AV_PARAMETER_NAME";
    public static final String AV_RATE_LIMIT_PER_MIN = "AV_RATE_LIMIT_PER_MIN";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_ENDPOINT_URL_S3 = "AWS_ENDPOINT_URL_S3";
    public static final String AWS_ENDPOINT_URL_SNS = "AWS_ENDPOINT_URL_SNS";
    public static final String AWS_ENDPOINT_URL_SSM = "AWS_ENDPOINT_URL_SSM";

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ETF_SYMBOL = "QQQ";
    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2004, 12, 31);
    public static final String DEFAULT_PARAMETER_NAME = "/avpipeline/alpha-vantage-api-key";
    public static final int DEFAULT_RATE_LIMIT_PER_MIN = 75;

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,19}");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_.\\-/:]{1,2048}");

    /** Endpoint overrides per service; empty means the SDK's own resolution (the real AWS endpoints). */
    public record EndpointOverrides(Optional<URI> s3, Optional<URI> sns, Optional<URI> ssm) {
        public static EndpointOverrides none() {
            return new EndpointOverrides(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Where failure notifications go, known even when other settings are wrong. */
    public record NotificationTarget(Region region, String topicArn, Optional<URI> snsEndpoint) {}

    /**
     * Reads and validates every variable, reporting all problems together.
     *
     * @throws InvalidSettingsException listing every missing or invalid variable
     */
    public static AwsSettings fromEnvironment(Map<String, String> env) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        Region region = parseRegion(env, problems);
        String bucket = parseBucket(env, problems);
        String topicArn = parseTopicArn(env, problems);
        String etf = parseEtf(env, problems);
        LocalDate startDate = parseStartDate(env, problems);
        String parameter = parseParameterName(env, problems);
        int rateLimit = parseRateLimit(env, problems);
        EndpointOverrides endpoints = parseEndpoints(env, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems, notificationTarget(env));
        }
        return new AwsSettings(region, bucket, topicArn, etf, startDate, parameter, rateLimit, endpoints);
    }

    private static String parseBucket(Map<String, String> env, List<String> problems) {
        String bucket = value(env, S3_BUCKET).orElse(null);
        if (bucket == null) {
            problems.add(S3_BUCKET + " is required (the artifact bucket, e.g. avpipeline-artifacts-prod)");
        } else if (!BUCKET.matcher(bucket).matches()) {
            problems.add(S3_BUCKET + " is not a valid bucket name: '" + bucket + "'");
        }
        return bucket;
    }

    private static String parseTopicArn(Map<String, String> env, List<String> problems) {
        String topicArn = value(env, SNS_TOPIC_ARN).orElse(null);
        if (topicArn == null) {
            problems.add(SNS_TOPIC_ARN + " is required (the notification topic's ARN)");
        } else if (!TOPIC_ARN.matcher(topicArn).matches()) {
            problems.add(SNS_TOPIC_ARN + " is not an SNS topic ARN: '" + topicArn + "'");
        }
        return topicArn;
    }

    private static String parseEtf(Map<String, String> env, List<String> problems) {
        String etf = value(env, ETF_SYMBOL).map(s -> s.toUpperCase(Locale.ROOT)).orElse(DEFAULT_ETF_SYMBOL);
        if (!SYMBOL.matcher(etf).matches()) {
            problems.add(ETF_SYMBOL + " is not a ticker symbol: '" + etf + "'");
        }
        return etf;
    }

    private static LocalDate parseStartDate(Map<String, String> env, List<String> problems) {
        LocalDate startDate = DEFAULT_START_DATE;
        Optional<String> start = value(env, START_DATE);
        if (start.isPresent()) {
            try {
                startDate = LocalDate.parse(start.get());
                if (startDate.isAfter(LocalDate.now(java.time.ZoneOffset.UTC))) {
                    problems.add(START_DATE + " must not be after today: '" + start.get()
                            + "' (the panel needs price days after it)");
                }
            } catch (DateTimeParseException e) {
                problems.add(START_DATE + " is not a date in the form YYYY-MM-DD: '" + start.get() + "'");
            }
        }
        return startDate;
    }

    private static String parseParameterName(Map<String, String> env, List<String> problems) {
        String parameter = value(env, AV_PARAMETER_NAME).orElse(DEFAULT_PARAMETER_NAME);
        if (!PARAMETER.matcher(parameter).matches()) {
            problems.add(AV_PARAMETER_NAME + " is not a Parameter Store name: '" + parameter + "'");
        }
        return parameter;
    }

    private static int parseRateLimit(Map<String, String> env, List<String> problems) {
        int rateLimit = DEFAULT_RATE_LIMIT_PER_MIN;
        Optional<String> rate = value(env, AV_RATE_LIMIT_PER_MIN);
        if (rate.isPresent()) {
            try {
                rateLimit = Integer.parseInt(rate.get());
                if (rateLimit < 1 || rateLimit > 10_000) {
                    problems.add(AV_RATE_LIMIT_PER_MIN + " must be between 1 and 10000 requests per minute: "
                            + rate.get());
                }
            } catch (NumberFormatException e) {
                problems.add(AV_RATE_LIMIT_PER_MIN + " is not a whole number: '" + rate.get() + "'");
            }
        }
        return rateLimit;
    }

    /** The per-service overrides, each falling back to {@code AWS_ENDPOINT_URL}. */
    private static EndpointOverrides parseEndpoints(Map<String, String> env, List<String> problems) {
        Optional<URI> common = endpoint(env, AWS_ENDPOINT_URL, problems);
        Optional<URI> s3 = endpoint(env, AWS_ENDPOINT_URL_S3, problems).or(() -> common);
        Optional<URI> sns = endpoint(env, AWS_ENDPOINT_URL_SNS, problems).or(() -> common);
        Optional<URI> ssm = endpoint(env, AWS_ENDPOINT_URL_SSM, problems).or(() -> common);
        return new EndpointOverrides(s3, sns, ssm);
    }

    /**
     * The notification target alone, when the topic ARN, the region and the SNS endpoint are usable: lets a
     * configuration error be notified even when other variables are wrong.
     */
    public static Optional<NotificationTarget> notificationTarget(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Region region = parseRegion(env, problems);
        Optional<URI> common = endpoint(env, AWS_ENDPOINT_URL, problems);
        Optional<URI> sns = endpoint(env, AWS_ENDPOINT_URL_SNS, problems).or(() -> common);
        Optional<String> topic = value(env, SNS_TOPIC_ARN).filter(t -> TOPIC_ARN.matcher(t).matches());
        if (!problems.isEmpty() || topic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotificationTarget(region, topic.get(), sns));
    }

    public NotificationTarget notificationTarget() {
        return new NotificationTarget(region, topicArn, endpoints.sns());
    }

    private static Region parseRegion(Map<String, String> env, List<String> problems) {
        String region = value(env, AWS_REGION).orElse(DEFAULT_REGION);
        if (!REGION.matcher(region).matches()) {
            problems.add(AWS_REGION + " is not an AWS region name: '" + region + "'");
            return Region.of(DEFAULT_REGION);
        }
        return Region.of(region);
    }

    private static Optional<URI> endpoint(Map<String, String> env, String name, List<String> problems) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(name + " is not an http(s) URL: '" + raw.get() + "'");
        return Optional.empty();
    }

    /** A variable's trimmed value; unset and blank are the same (ECS task definitions often carry empty values). */
    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
