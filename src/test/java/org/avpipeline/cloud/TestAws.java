package org.avpipeline.cloud;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients for the local emulators: static test credentials, us-east-1, an endpoint on 127.0.0.1. */
public final class TestAws {
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    public static final Region REGION = Region.US_EAST_1;

    private TestAws() {}

    public static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public static S3Client s3(int port) {
        return AwsClients.s3(REGION, Optional.of(local(port)), CREDENTIALS);
    }

    /** An S3 client whose requests pass through the given interceptors (to inject failures). */
    static S3Client s3(int port, ExecutionInterceptor... interceptors) {
        return S3Client.builder()
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(local(port))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor i : interceptors) {
                        c.addExecutionInterceptor(i);
                    }
                })
                .build();
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
