package org.avpipeline.raw;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one stored answer: when it was fetched (UTC), the request that produced it with the API key
 * removed, the SHA-256 of the uncompressed body (hex), when this content was first fetched (alpha-vantage.md,
 * "Vintages": equal to {@code fetchedAt} for new content; an answer fetched again with the same content keeps it), and,
 * for an answer of a vintaged function, the digest of the values the build reads from it ({@link ValuesDigest}; null
 * when not known: records written before it, or an answer that does not parse).
 */
public record AnswerMetadata(Instant fetchedAt, String request, String sha256, Instant firstFetchedAt,
        String valuesDigest) {
    public AnswerMetadata {
        firstFetchedAt = firstFetchedAt == null ? fetchedAt : firstFetchedAt;
    }

    /** Without a values digest. */
    public AnswerMetadata(Instant fetchedAt, String request, String sha256, Instant firstFetchedAt) {
        this(fetchedAt, request, sha256, firstFetchedAt, null);
    }

    /** New content: first fetched when fetched. */
    public AnswerMetadata(Instant fetchedAt, String request, String sha256) {
        this(fetchedAt, request, sha256, fetchedAt);
    }

    /** The same record, first fetched at {@code first}. */
    public AnswerMetadata withFirstFetchedAt(Instant first) {
        return Objects.equals(first, firstFetchedAt) ? this
                : new AnswerMetadata(fetchedAt, request, sha256, first, valuesDigest);
    }

    /** The same record with this values digest. */
    public AnswerMetadata withValuesDigest(String digest) {
        return Objects.equals(digest, valuesDigest) ? this
                : new AnswerMetadata(fetchedAt, request, sha256, firstFetchedAt, digest);
    }

    /**
     * Whether this answer and {@code other} are known to hold the same values as the build reads them (both digests
     * present and equal): the build then reads one of them for both.
     */
    public boolean sameValuesAs(AnswerMetadata other) {
        return valuesDigest != null && valuesDigest.equals(other.valuesDigest);
    }
}
