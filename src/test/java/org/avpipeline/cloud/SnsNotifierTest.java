package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.avpipeline.alphavantage.ApiKeyRedactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** {@link SnsNotifier} against the fauxqs emulator: what a subscriber receives. */
class SnsNotifierTest {
    @RegisterExtension
    static final FauxqsExtension FAUXQS = new FauxqsExtension();

    private SnsClient sns() {
        return AwsClients.sns(TestAws.REGION, Optional.of(FAUXQS.endpoint()), TestAws.CREDENTIALS);
    }

    @Test
    void aSubscriberReceivesTheSubjectAndTheBody() {
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "notifier-plain"); SnsClient sns = sns()) {
            SnsNotifier notifier = new SnsNotifier(sns, inbox.topicArn(), new ApiKeyRedactor());
            String id = notifier.publish("Pipeline Success: 2025-01-05", "Execution time: 1.50 minutes\nRows: 10");

            List<SnsInbox.Notification> received = inbox.drain();
            assertFalse(id.isBlank());
            assertEquals(List.of(new SnsInbox.Notification("Pipeline Success: 2025-01-05",
                    "Execution time: 1.50 minutes\nRows: 10")), received);
        }
    }

    @Test
    void aSecretInTheBodyOrSubjectIsReplacedBeforePublishing() {
        String key = "K3Y-VALUE-0123456789";
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "notifier-redact"); SnsClient sns = sns()) {
            SnsNotifier notifier = new SnsNotifier(sns, inbox.topicArn(), ApiKeyRedactor.of(key));
            notifier.publish("Pipeline Failed: Execution Error " + key,
                    "GET https://www.alphavantage.co/query?function=EARNINGS&apikey=" + key + " failed");

            SnsInbox.Notification n = inbox.next().orElseThrow();
            assertEquals("Pipeline Failed: Execution Error ***", n.subject());
            assertEquals("GET https://www.alphavantage.co/query?function=EARNINGS&apikey=*** failed",
                    n.message());
            assertFalse(n.message().contains(key));
        }
    }

    @Test
    void aLongOrNonAsciiSubjectIsMadeValidForSns() {
        try (SnsInbox inbox = new SnsInbox(FAUXQS.endpoint(), "notifier-subject"); SnsClient sns = sns()) {
            new SnsNotifier(sns, inbox.topicArn(), new ApiKeyRedactor())
                    .publish("Pipeline Failed: caf\u00e9\nline two " + "x".repeat(200), "body");

            String subject = inbox.next().orElseThrow().subject();
            assertEquals(99, subject.length());
            assertTrue(subject.startsWith("Pipeline Failed: caf? line two xxx"), subject);
        }
    }

    @Test
    void aMissingTopicIsAnSnsError() {
        try (SnsClient sns = sns()) {
            SnsNotifier notifier = new SnsNotifier(sns, "arn:aws:sns:us-east-1:000000000000:no-such-topic",
                    new ApiKeyRedactor());
            assertThrows(SnsException.class, () -> notifier.publish("Pipeline Success: 2025-01-05", "body"));
        }
    }
}
