package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.avpipeline.raw.LockHolder;
import org.avpipeline.raw.StoreBusyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 21.2: one run per bucket, with a lock object created by a conditional put and held as a lease, against
 * S3Mock (which honours {@code If-None-Match: *} and {@code If-Match} on PutObject: the first test shows it).
 */
class S3StoreLockTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(15);
    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = TestAws.s3(S3_MOCK.getHttpPort());
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static String bucket(String name) {
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void theEmulatorHonoursConditionalPuts() {
        String bucket = bucket("conditional");
        s3.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("one"));
        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("two")));
        assertEquals(412, e.statusCode());
        S3Exception stale = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("k").ifMatch("\"not-the-etag\""),
                        RequestBody.fromString("three")));
        assertEquals(412, stale.statusCode());
        assertEquals("one", s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
    }

    @Test
    void aSecondRunIsToldWhoHoldsTheBucketUntilTheFirstReleasesIt() throws Exception {
        String bucket = bucket("two-runs");
        S3StoreLock first = S3StoreLock.acquire(s3, bucket, "20260105T060000Z-qqq", at(T0), LEASE, false);
        StoreBusyException busy = assertThrows(StoreBusyException.class,
                () -> S3StoreLock.acquire(s3, bucket, "second", at(T0.plusSeconds(6)), LEASE, false));
        assertEquals("20260105T060000Z-qqq", busy.holder().runId());
        assertEquals(ProcessHandle.current().pid(), busy.holder().pid());
        assertEquals(T0, busy.holder().since());
        assertEquals(T0.plus(LEASE), busy.holder().expires());
        assertTrue(busy.getMessage().contains("bucket two-runs (lock object locks/avpipeline.lock) is in use by run "
                + "20260105T060000Z-qqq"), busy.getMessage());
        first.close();
        try (S3StoreLock second = S3StoreLock.acquire(s3, bucket, "second", at(T0.plusSeconds(7)), LEASE, false)) {
            assertEquals("second", S3StoreLock.holderOf(s3, bucket).runId());
        }
        assertEquals(null, S3StoreLock.holderOf(s3, bucket), "released: the object is gone");
    }

    @Test
    void aStaleLeaseOfACrashedTaskIsTakenOverAndItsHolderCannotRenewIt() throws Exception {
        String bucket = bucket("stale");
        S3StoreLock crashed = S3StoreLock.acquire(s3, bucket, "crashed", at(T0), LEASE, false);
        // before the lease ends the holder keeps it
        assertThrows(StoreBusyException.class,
                () -> S3StoreLock.acquire(s3, bucket, "next", at(T0.plus(LEASE).minusSeconds(1)), LEASE, false));
        // after it: taken over
        try (S3StoreLock next = S3StoreLock.acquire(s3, bucket, "next", at(T0.plus(LEASE).plusSeconds(1)), LEASE,
                false)) {
            LockHolder now = S3StoreLock.holderOf(s3, bucket);
            assertEquals("next", now.runId());
            assertFalse(crashed.renew(), "the old holder's renewal does not overwrite the new holder");
            crashed.close(); // nor does its release
            assertEquals("next", S3StoreLock.holderOf(s3, bucket).runId());
        }
    }

    @Test
    void aRenewedLeaseIsNotTakenOver() throws Exception {
        String bucket = bucket("renewed");
        Instant[] now = {T0};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        try (S3StoreLock holder = S3StoreLock.acquire(s3, bucket, "long-run", moving, LEASE, false)) {
            now[0] = T0.plus(LEASE).minusSeconds(60);
            assertTrue(holder.renew());
            assertThrows(StoreBusyException.class,
                    () -> S3StoreLock.acquire(s3, bucket, "next", at(T0.plus(LEASE).plusSeconds(60)), LEASE, false));
        }
    }

    @Test
    void aLockObjectNamingNoHolderIsTakenOver() throws Exception {
        String bucket = bucket("garbage");
        s3.putObject(b -> b.bucket(bucket).key(S3StoreLock.KEY), RequestBody.fromString("not a lock"));
        try (S3StoreLock lock = S3StoreLock.acquire(s3, bucket, "run", at(T0), LEASE, false)) {
            assertEquals("run", S3StoreLock.holderOf(s3, bucket).runId());
        }
    }
}
