package org.avpipeline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.raw.Sha256;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads the artifact (and the files that go beside it) to
 * {@code s3://<bucket>/ttm-artifacts/YYYY-MM-DD/<file>}.
 *
 * <p>Files up to the multipart threshold go up in one PutObject; larger ones as a multipart upload. Every request
 * carries a SHA-256 checksum that S3 verifies on arrival, and the checksum S3 reports back is compared with the one
 * computed here. A multipart upload that fails anywhere is aborted, so nothing (and no part) ever appears at the key:
 * a previous object there stays as it was.
 */
public final class S3ArtifactPublisher {
    public static final String ARTIFACT_FOLDER = "ttm-artifacts/";
    public static final long MIB = 1024L * 1024L;
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16 * MIB;
    public static final long DEFAULT_PART_SIZE = 8 * MIB;
    /** S3's smallest part (all but the last). */
    public static final long MIN_PART_SIZE = 5 * MIB;

    private final S3Client s3;
    private final String bucket;
    private final long multipartThreshold;
    private final int partSize;

    public S3ArtifactPublisher(S3Client s3, String bucket) {
        this(s3, bucket, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
    }

    /** Files larger than {@code multipartThreshold} bytes are uploaded in parts of {@code partSize} bytes. */
    public S3ArtifactPublisher(S3Client s3, String bucket, long multipartThreshold, long partSize) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        if (partSize < MIN_PART_SIZE || partSize > 512 * MIB) {
            throw new IllegalArgumentException("part size must be between 5 MiB and 512 MiB: " + partSize);
        }
        if (multipartThreshold < partSize) {
            throw new IllegalArgumentException("the multipart threshold must be at least the part size");
        }
        this.multipartThreshold = multipartThreshold;
        this.partSize = (int) partSize;
    }

    /** {@code ttm-artifacts/YYYY-MM-DD/}. */
    public static String folder(LocalDate runDate) {
        return ARTIFACT_FOLDER + runDate + "/";
    }

    /** {@code ttm-artifacts/YYYY-MM-DD/ttm_per_share_financial_artifact.parquet}. */
    public static String artifactKey(LocalDate runDate) {
        return folder(runDate) + ArtifactSchema.FILE_NAME;
    }

    /** Uploads the artifact under its standard name, whatever the local file is called. */
    public PublishedObject publishArtifact(Path artifact, LocalDate runDate) throws ArtifactUploadException {
        return upload(artifact, artifactKey(runDate));
    }

    /** Uploads another file (a report, a manifest) beside the artifact, under its own file name. */
    public PublishedObject publishBeside(Path file, LocalDate runDate) throws ArtifactUploadException {
        return upload(file, folder(runDate) + file.getFileName());
    }

    /** Uploads a file to a key, in one request or in parts by its size, and verifies the checksum S3 reports. */
    public PublishedObject upload(Path file, String key) throws ArtifactUploadException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ArtifactUploadException("cannot read " + file, e);
        }
        return size > multipartThreshold ? multipart(file, key, size) : single(file, key, size);
    }

    private PublishedObject single(Path file, String key, long size) throws ArtifactUploadException {
        try {
            byte[] digest = fileSha256(file);
            String base64 = Base64.getEncoder().encodeToString(digest);
            PutObjectResponse response = s3.putObject(b -> b.bucket(bucket).key(key)
                            .contentType(contentType(file))
                            .contentLength(size)
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                            .checksumSHA256(base64),
                    RequestBody.fromFile(file));
            String reported = response.checksumSHA256();
            if (reported != null && !reported.equals(base64)) {
                throw new IOException("S3 reports SHA-256 " + reported + " for what was sent as " + base64);
            }
            return new PublishedObject(bucket, key, size, "SHA256", base64, "FULL_OBJECT",
                    HexFormat.of().formatHex(digest), 1);
        } catch (IOException | RuntimeException e) {
            throw new ArtifactUploadException("upload of " + file.getFileName() + " to s3://" + bucket + "/" + key
                    + " failed", e);
        }
    }

    private PublishedObject multipart(Path file, String key, long size) throws ArtifactUploadException {
        String uploadId = startMultipart(file, key);
        try {
            MessageDigest whole = Sha256.digest();
            MessageDigest ofParts = Sha256.digest();
            List<CompletedPart> parts = uploadParts(file, key, uploadId, size, whole, ofParts);
            String composite = Base64.getEncoder().encodeToString(ofParts.digest()) + "-" + parts.size();
            CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            String reported = done.checksumSHA256();
            if (reported != null && !reported.equals(composite)) {
                throw new IOException("S3 reports the composite SHA-256 " + reported + ", expected " + composite
                        + " (the object was written; its parts were each verified by S3)");
            }
            return new PublishedObject(bucket, key, size, "SHA256", composite, "COMPOSITE",
                    HexFormat.of().formatHex(whole.digest()), parts.size());
        } catch (IOException | RuntimeException e) {
            ArtifactUploadException failure = new ArtifactUploadException("multipart upload of "
                    + file.getFileName() + " to s3://" + bucket + "/" + key + " failed (aborted)", e);
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                failure.addSuppressed(abortFailure);
            }
            throw failure;
        }
    }

    private String startMultipart(Path file, String key) throws ArtifactUploadException {
        try {
            return s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .contentType(contentType(file))
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        } catch (RuntimeException e) {
            throw new ArtifactUploadException("could not start the multipart upload to s3://" + bucket + "/" + key, e);
        }
    }

    /** The file's parts, each sent with its SHA-256 and verified; {@code whole} and {@code ofParts} take them in. */
    private List<CompletedPart> uploadParts(Path file, String key, String uploadId, long size, MessageDigest whole,
            MessageDigest ofParts) throws IOException {
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[partSize];
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, partSize)) > 0) {
                byte[] part = read == partSize ? buffer : Arrays.copyOf(buffer, read);
                whole.update(part, 0, read);
                byte[] partDigest = Sha256.digest().digest(part);
                ofParts.update(partDigest);
                parts.add(uploadPart(key, uploadId, parts.size() + 1, part, read, partDigest));
                sent += read;
            }
        }
        if (sent != size) {
            throw new IOException("the file changed during the upload: " + sent + " bytes read, " + size
                    + " expected");
        }
        return parts;
    }

    private CompletedPart uploadPart(String key, String uploadId, int partNumber, byte[] part, int length,
            byte[] partDigest) throws IOException {
        String partBase64 = Base64.getEncoder().encodeToString(partDigest);
        UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength((long) length)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(partBase64),
                RequestBody.fromBytes(part));
        if (response.checksumSHA256() != null && !response.checksumSHA256().equals(partBase64)) {
            throw new IOException("S3 reports SHA-256 " + response.checksumSHA256() + " for part "
                    + partNumber + ", sent as " + partBase64);
        }
        return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
                .checksumSHA256(partBase64).build();
    }

    private static byte[] fileSha256(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return "application/vnd.apache.parquet";
        } else if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        } else if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        } else if (name.endsWith(".txt") || name.endsWith(".md")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
