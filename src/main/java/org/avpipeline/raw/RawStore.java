package org.avpipeline.raw;

import java.io.IOException;
import java.util.Optional;

/**
 * The raw-data store: every successful Alpha Vantage answer, as received, gzip-compressed, with its metadata.
 * Implementations: a local directory and an S3 prefix. Writes are atomic: a reader sees the old answer or the new one,
 * never a part.
 */
public interface RawStore {

    /** Stores an answer (the body uncompressed; the store compresses it) and its metadata, replacing any old one. */
    void write(RawKey key, byte[] body, AnswerMetadata metadata) throws IOException;

    /** The stored answer, or empty when there is none. */
    Optional<StoredAnswer> read(RawKey key) throws IOException;

    /** The metadata alone (cheap: used to decide whether an answer is fresh), or empty when there is none. */
    Optional<AnswerMetadata> metadata(RawKey key) throws IOException;

    /** A human-readable description of where the store is, for logs and summaries. */
    String describe();
}
