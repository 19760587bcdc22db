package org.avpipeline.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A topic in fauxqs with an SQS queue subscribed to it (the SNS envelope kept, so the subject arrives): what an
 * e-mail subscriber would receive, readable by a test.
 */
public final class SnsInbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One notification as a subscriber sees it. */
    public record Notification(String subject, String message) {}

    private final SqsClient sqs;
    private final String topicArn;
    private final String queueUrl;

    public SnsInbox(URI endpoint, String name) {
        this.sqs = TestAws.sqs(endpoint);
        try (SnsClient sns = AwsClients.sns(TestAws.REGION, Optional.of(endpoint), TestAws.CREDENTIALS)) {
            this.topicArn = sns.createTopic(b -> b.name(name)).topicArn();
            this.queueUrl = sqs.createQueue(b -> b.queueName(name + "-inbox")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        }
    }

    public String topicArn() {
        return topicArn;
    }

    /** Waits (up to a few seconds) for the next notification; empty when none arrives. */
    public Optional<Notification> next() {
        return next(5);
    }

    private Optional<Notification> next(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1)
                .waitTimeSeconds(waitSeconds)).messages();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Message m = messages.get(0);
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        try {
            JsonNode envelope = JSON.readTree(m.body());
            return Optional.of(new Notification(envelope.path("Subject").asText(null),
                    envelope.path("Message").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("not an SNS envelope: " + m.body(), e);
        }
    }

    /** Every notification that arrives until the queue stays empty for a moment. */
    public List<Notification> drain() {
        List<Notification> all = new ArrayList<>();
        Optional<Notification> n;
        while ((n = next(1)).isPresent()) {
            all.add(n.get());
        }
        return all;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
