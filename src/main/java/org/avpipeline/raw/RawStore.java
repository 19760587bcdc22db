package org.avpipeline.raw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The raw-data store: every successful Alpha Vantage answer, as received, gzip-compressed, with its metadata.
 * Implementations: a local directory and an S3 prefix. Writes are atomic: a reader sees the old answer or the new one,
 * never a part.
 */
public interface RawStore {

    /**
     * Stores an answer (the body uncompressed; the store compresses it) and its metadata, replacing any old one. The
     * stored metadata's {@code firstFetchedAt} is the old one's when the content is the same, else the new
     * {@code fetchedAt}; an old answer of other content of a {@linkplain RawKey#vintaged() vintaged} function is first
     * kept as a vintage (alpha-vantage.md, "Vintages"), so that a crash leaves the old answer or the new one current
     * and never loses one.
     */
    void write(RawKey key, byte[] body, AnswerMetadata metadata) throws IOException;

    /**
     * The kept vintages of an answer (not the current one), ascending by {@code firstFetchedAt}; empty for a store
     * written before vintages were kept, a function that is not vintaged, or a store that keeps none. Each body is
     * checked as {@link #vintage} checks it.
     */
    default List<StoredAnswer> vintages(RawKey key) throws IOException {
        List<StoredAnswer> out = new ArrayList<>();
        for (AnswerMetadata record : vintageRecords(key)) {
            vintage(key, record).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * The records of the kept vintages alone, ascending by {@code firstFetchedAt}, their answers not read (a build
     * reads only those whose values it does not hold yet, {@link AnswerMetadata#sameValuesAs}); empty as for
     * {@link #vintages}.
     */
    default List<AnswerMetadata> vintageRecords(RawKey key) throws IOException {
        return List.of();
    }

    /**
     * The kept vintage of this record ({@link #vintageRecords}), its body decompressed intact (gzip's CRC-32 and
     * length; a store that cannot promise its record belongs to it also checks the SHA-256); empty when gone.
     */
    default Optional<StoredAnswer> vintage(RawKey key, AnswerMetadata record) throws IOException {
        return Optional.empty();
    }

    /**
     * The stored answer, or empty when there is none; its body decompressed intact (gzip's CRC-32 and length) and
     * matching the SHA-256 of its metadata.
     */
    Optional<StoredAnswer> read(RawKey key) throws IOException;

    /**
     * As {@link #read}, where the store may leave out the SHA-256 when its writes guarantee that an answer and its
     * metadata belong together: the body is still checked against gzip's own CRC-32 and length, so a damaged answer
     * is never returned. For the build, which reads every answer of the universe and for which hashing them was
     * about a tenth of a short build's work; the fetch, which decides whether an answer may stay, uses {@link #read}.
     */
    default Optional<StoredAnswer> readIntact(RawKey key) throws IOException {
        return read(key);
    }

    /** The metadata alone (cheap: used to decide whether an answer is fresh), or empty when there is none. */
    Optional<AnswerMetadata> metadata(RawKey key) throws IOException;

    /**
     * Why an answer that {@link #read} reports as absent is not simply absent, when half of it is stored: an answer
     * without its metadata (it cannot be verified: a write that was killed, or a metadata file deleted) or metadata
     * without its answer. Empty when nothing or both are stored (or the store cannot tell). The fetch counts such an
     * answer as absent and fetches it again; {@code build}, which cannot, lists it as an answer it could not use.
     */
    default Optional<String> incomplete(RawKey key) throws IOException {
        return Optional.empty();
    }

    /** A human-readable description of where the store is, for logs and summaries. */
    String describe();
}
