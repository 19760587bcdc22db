package org.avpipeline.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One run per local data folder: {@code DIR/.avpipeline.lock}, locked with {@link FileChannel#tryLock()} for as long
 * as the run (or fetch, build, demo) works in the folder. The operating system releases the lock when the process
 * ends, however it ends, so a killed run never blocks the next one. The file names the holder (host, pid, run id,
 * since when) for the message the next run prints; it stays when released (emptied), which is harmless: only the
 * lock counts.
 *
 * <p>Within one JVM a second lock on the same folder is refused by this class itself (the JVM would throw, and
 * closing a second channel on the file could release the first one's lock on some systems).
 */
public final class LocalStoreLock implements AutoCloseable {
    public static final String FILE_NAME = ".avpipeline.lock";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LocalStoreLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a data folder. */
    public static Path fileOf(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** Takes the folder's lock now, or throws {@link StoreBusyException} naming who holds it. */
    public static LocalStoreLock acquire(Path dataDir, String runId, Clock clock)
            throws IOException, StoreBusyException {
        Path file = fileOf(dataDir);
        if (!HELD_HERE.add(file)) {
            throw new StoreBusyException("data folder " + file.getParent(), holderIn(file));
        }
        boolean done = false;
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StoreBusyException("data folder " + file.getParent(), holderIn(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(LockHolder.thisProcess(runId, clock.instant()).toBytes()), 0);
            channel.force(false);
            done = true;
            return new LocalStoreLock(file, channel, lock);
        } finally {
            if (!done) {
                if (channel != null) {
                    channel.close();
                }
                HELD_HERE.remove(file);
            }
        }
    }

    /**
     * As {@link #acquire(Path, String, Clock)}; with {@code wait}, waits until the holder is done instead of throwing
     * ({@code onWait} is told once, with the busy message, when the wait begins).
     */
    public static LocalStoreLock acquire(Path dataDir, String runId, Clock clock, boolean wait,
            Consumer<StoreBusyException> onWait) throws IOException, StoreBusyException, InterruptedException {
        boolean told = false;
        while (true) {
            try {
                return acquire(dataDir, runId, clock);
            } catch (StoreBusyException e) {
                if (!wait) {
                    throw e;
                }
                if (!told) {
                    onWait.accept(e);
                    told = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** Who the lock file names (null when empty or unreadable). */
    static LockHolder holderIn(Path file) {
        try {
            return LockHolder.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    public Path file() {
        return file;
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
            HELD_HERE.remove(file);
        }
    }
}
