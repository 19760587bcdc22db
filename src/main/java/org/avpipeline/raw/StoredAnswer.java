package org.avpipeline.raw;

/** A stored answer: the body as received (uncompressed) and its metadata. */
public record StoredAnswer(byte[] body, AnswerMetadata metadata) {}
