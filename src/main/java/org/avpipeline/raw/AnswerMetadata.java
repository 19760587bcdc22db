package org.avpipeline.raw;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one stored answer: when it was fetched (UTC), the request that produced it with the API key
 * removed, the SHA-256 of the uncompressed body (hex), and when this content was first fetched (alpha-vantage.md,
 * "Vintages": equal to {@code fetchedAt} for new content; an answer fetched again with the same content keeps it).
 */
public record AnswerMetadata(Instant fetchedAt, String request, String sha256, Instant firstFetchedAt) {
    public AnswerMetadata {
        firstFetchedAt = firstFetchedAt == null ? fetchedAt : firstFetchedAt;
    }

    /** New content: first fetched when fetched. */
    public AnswerMetadata(Instant fetchedAt, String request, String sha256) {
        this(fetchedAt, request, sha256, fetchedAt);
    }

    /** The same record, first fetched at {@code first}. */
    public AnswerMetadata withFirstFetchedAt(Instant first) {
        return Objects.equals(first, firstFetchedAt) ? this : new AnswerMetadata(fetchedAt, request, sha256, first);
    }
}
