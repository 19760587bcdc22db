package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21.2: one run per data folder, with the operating system's file lock. */
class LocalStoreLockTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The other process: takes the lock of args[0] as run args[1], says so, and holds it until its stdin closes. */
    public static void main(String[] args) throws Exception {
        try (LocalStoreLock lock = LocalStoreLock.acquire(Path.of(args[0]), args[1], Clock.systemUTC())) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }

    private Process holderProcess(String runId) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LocalStoreLockTest.class.getName(), dir.toString(), runId).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("locked", line, "the other process took the lock");
        return p;
    }

    @Test
    void anotherProcessHoldingTheLockStopsThisOneWithWhoAndSinceWhen() throws Exception {
        Process other = holderProcess("20260105T060000Z-qqq");
        try {
            StoreBusyException busy = assertThrows(StoreBusyException.class,
                    () -> LocalStoreLock.acquire(dir, "second", CLOCK));
            assertNotNull(busy.holder());
            assertEquals(other.pid(), busy.holder().pid());
            assertEquals("20260105T060000Z-qqq", busy.holder().runId());
            assertTrue(busy.getMessage().contains("is in use by run 20260105T060000Z-qqq (pid " + other.pid()
                    + " on "), busy.getMessage());
            assertTrue(busy.getMessage().contains(") since 20"), busy.getMessage());
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
        // killed, however: the operating system released its lock, so nothing stale blocks the next run
        try (LocalStoreLock lock = LocalStoreLock.acquire(dir, "third", CLOCK)) {
            assertEquals("third", LocalStoreLock.holderIn(lock.file()).runId());
        }
    }

    @Test
    void aSecondLockInTheSameProcessIsRefusedAndTheFirstOneKept() throws Exception {
        try (LocalStoreLock first = LocalStoreLock.acquire(dir, "first", CLOCK)) {
            StoreBusyException busy = assertThrows(StoreBusyException.class,
                    () -> LocalStoreLock.acquire(dir.resolve("."), "second", CLOCK));
            assertEquals("first", busy.holder().runId());
            assertEquals(CLOCK.instant(), busy.holder().since());
            assertEquals("first", LocalStoreLock.holderIn(first.file()).runId(), "the holder's file is intact");
        }
        try (LocalStoreLock again = LocalStoreLock.acquire(dir, "again", CLOCK)) {
            assertEquals("again", LocalStoreLock.holderIn(again.file()).runId());
        }
    }

    @Test
    void waitingTakesTheLockWhenTheHolderIsDone() throws Exception {
        LocalStoreLock first = LocalStoreLock.acquire(dir, "first", CLOCK);
        AtomicReference<StoreBusyException> told = new AtomicReference<>();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try (LocalStoreLock lock = LocalStoreLock.acquire(dir, "second", CLOCK, true, told::set)) {
                return LocalStoreLock.holderIn(lock.file()).runId();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (told.get() == null) {
            Thread.sleep(10);
        }
        assertEquals("first", told.get().holder().runId());
        assertFalse(second.isDone(), "it waits while the first holds the lock");
        first.close();
        assertEquals("second", second.get(60, TimeUnit.SECONDS));
    }

    @Test
    void theHolderRoundTripsThroughItsFileFormat() {
        LockHolder h = new LockHolder("host-1", 42, "run-7", CLOCK.instant(), CLOCK.instant().plusSeconds(600));
        assertEquals(h, LockHolder.parse(h.toBytes()));
        assertEquals(null, LockHolder.parse(new byte[0]));
        assertEquals(null, LockHolder.parse("since=yesterday\nhost=h\nrun=r".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("host=host-1", "pid=42"), new String(h.toBytes(), StandardCharsets.UTF_8).lines()
                .limit(2).toList());
    }
}
