package org.avpipeline.raw;

import java.time.Instant;

/**
 * What is known about one stored answer: when it was fetched (UTC), the request that produced it with the API key
 * removed, and the SHA-256 of the uncompressed body (hex).
 */
public record AnswerMetadata(Instant fetchedAt, String request, String sha256) {}
