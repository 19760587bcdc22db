package org.avpipeline.cloud;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.AnswerMetadataJson;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;
import org.avpipeline.raw.StoredAnswer;
import org.avpipeline.raw.ValuesDigest;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The raw-data store in an S3 bucket, with the local store's layout ({@link RawKey#answerPath()} and
 * {@link RawKey#metadataPath()} under an optional prefix, by default the bucket root: {@code raw/...}).
 *
 * <p>Each answer is one gzip object, written with a SHA-256 checksum that S3 verifies, carrying its metadata also as
 * object user metadata ({@code x-amz-meta-avp-*}); the {@code .meta.json} record is written after it. A single
 * PutObject is atomic, so "metadata record present" means "answer complete". An overwrite interrupted between the
 * two puts leaves the new answer with the old record: reads detect that by the hash and use the answer's own user
 * metadata, which was written atomically with it. Reads always verify the SHA-256 of the body.
 *
 * <p>Vintages ({@link RawKey#vintaged()}): before an answer of other content replaces the stored one, the stored
 * answer object is copied (CopyObject, with its user metadata) to {@code raw/<TICKER>/_vintages/<FUNCTION>/
 * <firstFetchedAt>.json.gz} and its record written beside it, then the new answer is put as above. What the stored
 * answer is comes from its own user metadata (a HeadObject), which belongs to it even after an interrupted overwrite.
 */
public final class S3RawStore implements RawStore {
    private static final String META_SUFFIX = ".meta.json";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** A store at the bucket's root. */
    public S3RawStore(S3Client s3, String bucket) {
        this(s3, bucket, "");
    }

    /** A store under {@code prefix} (empty, or ending in {@code /}). */
    public S3RawStore(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
            throw new IllegalArgumentException("a prefix is empty or ends in '/' (and does not start with one): "
                    + prefix);
        }
    }

    @Override
    public void write(RawKey key, byte[] body, AnswerMetadata metadata) throws IOException {
        String actual = Sha256.hex(body);
        if (!actual.equalsIgnoreCase(metadata.sha256())) {
            throw new IllegalArgumentException("metadata sha256 " + metadata.sha256() + " does not match the body ("
                    + actual + ") for " + key.answerPath());
        }
        byte[] gzip = gzip(body);
        String answerKey = prefix + key.answerPath();
        String metaKey = prefix + key.metadataPath();
        Optional<AnswerMetadata> old = storedAnswerMetadata(key);
        boolean same = old.isPresent() && old.get().sha256().equalsIgnoreCase(actual);
        AnswerMetadata stored = ValuesDigest.recorded(key, body, metadata)
                .withFirstFetchedAt(same ? old.get().firstFetchedAt() : metadata.fetchedAt());
        try {
            if (old.isPresent() && !same && key.vintaged()) {
                keepVintage(key, old.get());
            }
            s3.putObject(b -> b.bucket(bucket).key(answerKey)
                            .contentType("application/gzip")
                            .metadata(S3AnswerMetadata.userMetadata(stored))
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                            .checksumSHA256(base64Sha256(gzip)),
                    RequestBody.fromBytes(gzip));
            putRecord(metaKey, stored);
        } catch (SdkException e) {
            throw new IOException("could not store " + uri(answerKey) + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the stored answer object is: its own user metadata (written atomically with it), else its record; empty
     * when there is no answer.
     */
    private Optional<AnswerMetadata> storedAnswerMetadata(RawKey key) throws IOException {
        String answerKey = prefix + key.answerPath();
        Map<String, String> user;
        try {
            user = s3.headObject(b -> b.bucket(bucket).key(answerKey)).metadata();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("could not look at " + uri(answerKey) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("could not look at " + uri(answerKey) + ": " + e.getMessage(), e);
        }
        Optional<AnswerMetadata> own = S3AnswerMetadata.fromUserMetadata(user);
        return own.isPresent() ? own : metadata(key);
    }

    /** Copies the stored answer object to its vintage key, then writes its record beside it. */
    private void keepVintage(RawKey key, AnswerMetadata old) {
        String vintageKey = prefix + key.vintageAnswerPath(old.firstFetchedAt());
        String vintageMetaKey = prefix + key.vintageMetadataPath(old.firstFetchedAt());
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(prefix + key.answerPath())
                .destinationBucket(bucket).destinationKey(vintageKey)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256));
        putRecord(vintageMetaKey, old);
    }

    /** Writes an answer's metadata record (JSON, its SHA-256 checked by S3) at {@code key}. */
    private void putRecord(String key, AnswerMetadata metadata) {
        byte[] json = AnswerMetadataJson.toJson(metadata);
        s3.putObject(b -> b.bucket(bucket).key(key)
                        .contentType("application/json")
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(base64Sha256(json)),
                RequestBody.fromBytes(json));
    }

    @Override
    public List<AnswerMetadata> vintageRecords(RawKey key) throws IOException {
        if (!key.vintaged()) {
            return List.of();
        }
        String folder = prefix + key.vintageFolder();
        List<AnswerMetadata> out = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder)).contents()) {
                if (!o.key().endsWith(META_SUFFIX)) {
                    continue;
                }
                Optional<ResponseBytes<GetObjectResponse>> record = get(o.key());
                if (record.isEmpty()) {
                    continue;
                }
                try {
                    out.add(AnswerMetadataJson.fromJson(record.get().asByteArrayUnsafe()));
                } catch (IOException e) {
                    throw new IOException(uri(o.key()) + ": " + e.getMessage(), e);
                }
            }
        } catch (SdkException e) {
            throw new IOException("could not list " + uri(folder) + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(AnswerMetadata::firstFetchedAt));
        return List.copyOf(out);
    }

    @Override
    public Optional<StoredAnswer> vintage(RawKey key, AnswerMetadata record) throws IOException {
        String answerKey = prefix + key.vintageAnswerPath(record.firstFetchedAt());
        Optional<ResponseBytes<GetObjectResponse>> answer = get(answerKey);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = gunzip(answer.get().asByteArrayUnsafe(), answerKey);
        if (!org.avpipeline.raw.Sha256.hex(body).equalsIgnoreCase(record.sha256())) {
            throw new IOException("the kept vintage at " + uri(answerKey) + " does not match its SHA-256");
        }
        return Optional.of(new StoredAnswer(body, record));
    }

    @Override
    public Optional<StoredAnswer> read(RawKey key) throws IOException {
        Optional<AnswerMetadata> recorded = metadata(key);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        String answerKey = prefix + key.answerPath();
        ResponseBytes<GetObjectResponse> object = get(answerKey)
                .orElseThrow(() -> new IOException("the metadata record of " + uri(answerKey)
                        + " exists but the answer does not"));
        byte[] body = gunzip(object.asByteArrayUnsafe(), answerKey);
        String actual = Sha256.hex(body);
        if (actual.equalsIgnoreCase(recorded.get().sha256())) {
            return Optional.of(new StoredAnswer(body, recorded.get()));
        }
        Optional<AnswerMetadata> own = S3AnswerMetadata.fromUserMetadata(object.response().metadata());
        if (own.isPresent() && actual.equalsIgnoreCase(own.get().sha256())) {
            return Optional.of(new StoredAnswer(body, own.get()));
        }
        throw new IOException("the answer at " + uri(answerKey) + " does not match its SHA-256 (recorded "
                + recorded.get().sha256() + ", actual " + actual + ")");
    }

    @Override
    public Optional<AnswerMetadata> metadata(RawKey key) throws IOException {
        String metaKey = prefix + key.metadataPath();
        Optional<ResponseBytes<GetObjectResponse>> record = get(metaKey);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AnswerMetadataJson.fromJson(record.get().asByteArrayUnsafe()));
        } catch (IOException e) {
            throw new IOException(uri(metaKey) + ": " + e.getMessage(), e);
        }
    }

    /** The S3 client (the AWS run reads the previous run's manifest with it). */
    public S3Client s3() {
        return s3;
    }

    /** The bucket. */
    public String bucket() {
        return bucket;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private Optional<ResponseBytes<GetObjectResponse>> get(String objectKey) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("could not read " + uri(objectKey) + ": " + e.getMessage(), e);
        }
    }

    private String uri(String objectKey) {
        return "s3://" + bucket + "/" + objectKey;
    }

    private static String base64Sha256(byte[] bytes) {
        return Base64.getEncoder().encodeToString(Sha256.digest().digest(bytes));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: gzip into memory", e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gzip, String objectKey) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("the answer at " + objectKey + " is not valid gzip: " + e.getMessage(), e);
        }
    }
}
