package org.avpipeline.cloud;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.avpipeline.raw.AnswerMetadata;

/** An answer's metadata as S3 object user metadata ({@code x-amz-meta-avp-*}), written with the answer object. */
final class S3AnswerMetadata {
    static final String META_FETCHED_AT = "avp-fetched-at";
    static final String META_VALUES_DIGEST = "avp-values-digest";
    static final String META_SHA256 = "avp-sha256";
    static final String META_REQUEST = "avp-request";
    static final String META_FIRST_FETCHED_AT = "avp-first-fetched-at";

    private S3AnswerMetadata() {}

    static Map<String, String> userMetadata(AnswerMetadata metadata) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(META_FETCHED_AT, metadata.fetchedAt().toString());
        meta.put(META_SHA256, metadata.sha256());
        meta.put(META_FIRST_FETCHED_AT, metadata.firstFetchedAt().toString());
        if (metadata.valuesDigest() != null) {
            meta.put(META_VALUES_DIGEST, metadata.valuesDigest());
        }
        // S3 user metadata is US-ASCII; a request that is not stays in the .meta.json record only.
        if (metadata.request().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            meta.put(META_REQUEST, metadata.request());
        }
        return meta;
    }

    static Optional<AnswerMetadata> fromUserMetadata(Map<String, String> meta) {
        String fetchedAt = meta.get(META_FETCHED_AT);
        String sha256 = meta.get(META_SHA256);
        String request = meta.get(META_REQUEST);
        String first = meta.get(META_FIRST_FETCHED_AT);
        if (fetchedAt == null || sha256 == null || request == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AnswerMetadata(Instant.parse(fetchedAt), request, sha256,
                    first == null ? null : Instant.parse(first), meta.get(META_VALUES_DIGEST)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
