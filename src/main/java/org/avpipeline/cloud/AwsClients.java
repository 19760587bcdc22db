package org.avpipeline.cloud;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the three service clients of the AWS run, each with the JDK's HTTP connection, the region of the settings
 * and, when set, the endpoint override. Production uses the default credential chain (the ECS task role); tests pass
 * static credentials.
 */
public final class AwsClients {
    private AwsClients() {}

    /** The credentials of production: the SDK's default chain (environment, profile, container, instance). */
    public static AwsCredentialsProvider defaultCredentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * An S3 client. With an endpoint override (S3Mock, LocalStack, MinIO…) it uses path-style addressing, which every
     * emulator understands; against AWS itself it keeps the SDK's virtual-hosted style.
     */
    public static S3Client s3(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder().forcePathStyle(endpoint.isPresent());
        return configure(builder, region, endpoint, credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static SnsClient sns(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return configure(SnsClient.builder(), region, endpoint, credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static SsmClient ssm(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return configure(SsmClient.builder(), region, endpoint, credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Region region,
            Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
