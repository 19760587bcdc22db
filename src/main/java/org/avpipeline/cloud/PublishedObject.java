package org.avpipeline.cloud;

/**
 * An object uploaded to S3 and verified.
 *
 * @param checksum the checksum S3 reports, base64 ({@code <digest>} for a single PutObject; for a multipart upload
 *     the composite {@code <digest of part digests>-<parts>})
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE}
 * @param sha256Hex the SHA-256 of the whole file (hex), computed while uploading
 * @param parts 1 for a single PutObject, else the number of parts
 */
public record PublishedObject(String bucket, String key, long sizeBytes, String checksumAlgorithm, String checksum,
        String checksumType, String sha256Hex, int parts) {

    /** {@code s3://bucket/key}. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
