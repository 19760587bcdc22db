package org.avpipeline.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.avpipeline.raw.LockHolder;
import org.avpipeline.raw.StoreBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One run per bucket: the lock object {@link #KEY}, created with a conditional put ({@code If-None-Match: *}: only
 * one of two runs can create it) and held as a lease. The holder renews the lease every third of its length
 * ({@code If-Match} its own version, so a renewal never overwrites another holder); a task that crashed stops
 * renewing, and once its lease has expired the next run takes the lock over, again with {@code If-Match} on the
 * version it read, so of two runs taking over one stale lease only one succeeds. Released by deleting the object
 * ({@code If-Match} its own version).
 */
public final class S3StoreLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3StoreLock.class);

    /** The lock object's key in the bucket. */
    public static final String KEY = "locks/avpipeline.lock";
    /** How long a lease lasts unless renewed. */
    public static final Duration LEASE = Duration.ofMinutes(15);

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;
    private final Duration lease;
    private final LockHolder holder;
    private volatile String etag;
    private final ScheduledExecutorService renewal;

    private S3StoreLock(S3Client s3, String bucket, Clock clock, Duration lease, LockHolder holder, String etag,
            boolean renew) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
        this.lease = lease;
        this.holder = holder;
        this.etag = etag;
        if (renew) {
            renewal = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "s3-lock-lease");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, lease.toMillis() / 3);
            renewal.scheduleAtFixedRate(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
        } else {
            renewal = null;
        }
    }

    /** Takes the bucket's lock for {@code runId}, with the standard lease, renewed while held. */
    public static S3StoreLock acquire(S3Client s3, String bucket, String runId, Clock clock)
            throws StoreBusyException {
        return acquire(s3, bucket, runId, clock, LEASE, true);
    }

    /**
     * Takes the lock: creates the object when there is none; takes over one whose lease has expired (or that names no
     * holder); else throws {@link StoreBusyException} naming the holder.
     *
     * @param renew whether to renew the lease in the background (tests take it without)
     */
    static S3StoreLock acquire(S3Client s3, String bucket, String runId, Clock clock, Duration lease, boolean renew)
            throws StoreBusyException {
        Objects.requireNonNull(s3, "s3");
        Instant now = clock.instant();
        LockHolder me = LockHolder.thisProcess(runId, now).withExpiry(now.plus(lease));
        String where = "bucket " + bucket + " (lock object " + KEY + ")";
        try {
            String etag = s3.putObject(b -> b.bucket(bucket).key(KEY).ifNoneMatch("*").contentType("text/plain"),
                    RequestBody.fromBytes(me.toBytes())).eTag();
            return new S3StoreLock(s3, bucket, clock, lease, me, etag, renew);
        } catch (S3Exception e) {
            if (!isConflict(e)) {
                throw e;
            }
        }
        ResponseBytes<GetObjectResponse> current;
        try {
            current = s3.getObjectAsBytes(b -> b.bucket(bucket).key(KEY));
        } catch (NoSuchKeyException gone) { // released meanwhile: try once more from the start
            return acquireOnce(s3, bucket, me, clock, lease, renew, where);
        }
        LockHolder other = LockHolder.parse(current.asByteArray());
        if (other != null && (other.expires() == null || other.expires().isAfter(now))) {
            throw new StoreBusyException(where, other);
        }
        LOG.warn("taking over the lock of {}: {}", bucket, other == null ? "it names no holder"
                : "the lease of " + other.describe() + " has expired (a task that stopped without releasing it)");
        try {
            String etag = s3.putObject(b -> b.bucket(bucket).key(KEY).ifMatch(current.response().eTag())
                    .contentType("text/plain"), RequestBody.fromBytes(me.toBytes())).eTag();
            return new S3StoreLock(s3, bucket, clock, lease, me, etag, renew);
        } catch (S3Exception e) {
            if (isConflict(e)) { // another run took it over first
                throw new StoreBusyException(where, holderOf(s3, bucket));
            }
            throw e;
        }
    }

    private static S3StoreLock acquireOnce(S3Client s3, String bucket, LockHolder me, Clock clock, Duration lease,
            boolean renew, String where) throws StoreBusyException {
        try {
            String etag = s3.putObject(b -> b.bucket(bucket).key(KEY).ifNoneMatch("*").contentType("text/plain"),
                    RequestBody.fromBytes(me.toBytes())).eTag();
            return new S3StoreLock(s3, bucket, clock, lease, me, etag, renew);
        } catch (S3Exception e) {
            if (isConflict(e)) {
                throw new StoreBusyException(where, holderOf(s3, bucket));
            }
            throw e;
        }
    }

    /** Who the lock object names now (null when none or unreadable). */
    static LockHolder holderOf(S3Client s3, String bucket) {
        try {
            return LockHolder.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(KEY)).asByteArray());
        } catch (S3Exception e) {
            return null;
        }
    }

    /** 412 Precondition Failed, or 409 ConditionalRequestConflict (a concurrent conditional write). */
    private static boolean isConflict(S3Exception e) {
        return e.statusCode() == 412 || e.statusCode() == 409;
    }

    public LockHolder holder() {
        return holder;
    }

    /** Extends the lease from now; false when the lock is no longer this run's (taken over after it expired). */
    boolean renew() {
        Instant now = clock.instant();
        LockHolder renewed = holder.withExpiry(now.plus(lease));
        try {
            etag = s3.putObject(b -> b.bucket(bucket).key(KEY).ifMatch(etag).contentType("text/plain"),
                    RequestBody.fromBytes(renewed.toBytes())).eTag();
            return true;
        } catch (S3Exception e) {
            if (isConflict(e) || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void renewQuietly() {
        try {
            if (!renew()) {
                LOG.error("the lock of bucket {} is no longer this run's: its lease expired and another run took "
                        + "it over", bucket);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not renew the lock's lease in bucket {}: {}", bucket, e.getMessage());
        }
    }

    /** Stops renewing and deletes the lock object, if it is still this run's. */
    @Override
    public void close() {
        if (renewal != null) {
            renewal.shutdownNow();
        }
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(KEY).ifMatch(etag));
        } catch (S3Exception e) {
            if (!isConflict(e) && e.statusCode() != 404) {
                LOG.warn("could not release the lock of bucket {}: {}", bucket, e.getMessage());
            }
        }
    }
}
