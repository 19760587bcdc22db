package org.avpipeline.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.avpipeline.alphavantage.ApiKeyRedactor;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes the run's notifications to the SNS topic (e-mail subscribers see the subject and the body). Subjects are
 * made valid for SNS (printable ASCII, no line breaks, under 100 characters); bodies are redacted: a known secret
 * that appears anywhere is replaced, whatever produced the text.
 */
public final class SnsNotifier {
    /** SNS: "must be less than 100 characters long". */
    public static final int MAX_SUBJECT_LENGTH = 99;
    /** SNS allows 256 KiB per message; stay well below it. */
    public static final int MAX_BODY_BYTES = 200 * 1024;

    private final SnsClient sns;
    private final String topicArn;
    private final ApiKeyRedactor redactor;

    public SnsNotifier(SnsClient sns, String topicArn, ApiKeyRedactor redactor) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * Publishes one notification and returns its SNS message id.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when SNS refuses or cannot be reached
     */
    public String publish(String subject, String body) {
        String safeSubject = subject(redactor.redact(subject));
        String safeBody = body(redactor.redact(body));
        return sns.publish(b -> b.topicArn(topicArn).subject(safeSubject).message(safeBody)).messageId();
    }

    public String topicArn() {
        return topicArn;
    }

    /** A valid SNS subject: printable ASCII only, single line, at most {@value #MAX_SUBJECT_LENGTH} characters. */
    static String subject(String subject) {
        StringBuilder out = new StringBuilder(Math.min(subject.length(), MAX_SUBJECT_LENGTH));
        for (int i = 0; i < subject.length() && out.length() < MAX_SUBJECT_LENGTH; i++) {
            char c = subject.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : (c >= 0x20 && c < 0x7f ? c : '?'));
        }
        String s = out.toString().strip();
        return s.isEmpty() ? "avpipeline notification" : s;
    }

    static String body(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BODY_BYTES) {
            return body;
        }
        String cut = new String(bytes, 0, MAX_BODY_BYTES, StandardCharsets.UTF_8);
        // the cut may split a character at the end: drop the replacement character it leaves
        return cut.replaceAll("\uFFFD$", "") + "\n[... truncated]";
    }
}
