package org.avpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.avpipeline.raw.LocalStoreLock;
import org.avpipeline.raw.StoreBusyException;
import picocli.CommandLine.Option;

/**
 * {@code --wait} for the commands that work in a data folder (run, fetch, build, demo), and the one way they take
 * its lock ({@link LocalStoreLock}): one run per data folder at a time.
 */
public final class WaitOption {
    @Option(names = "--wait", description = "When another run holds the data folder's lock, wait for it to finish "
            + "instead of stopping (exit " + ExitCodes.BUSY + ").")
    boolean waitForLock;

    /** The folder's lock, or why not: {@code lock} null and the exit code (the message is printed). */
    record Locked(LocalStoreLock lock, int code) {}

    /** Takes the folder's lock, waiting with {@code --wait}; the message when it cannot is printed to {@code err}. */
    Locked lock(Path dataDir, String runId, PrintWriter err, String name) {
        return lock(dataDir, runId, waitForLock, err, name);
    }

    static Locked lock(Path dataDir, String runId, boolean wait, PrintWriter err, String name) {
        try {
            return new Locked(LocalStoreLock.acquire(dataDir, runId, Clock.systemUTC(), wait, busy -> {
                err.println(name + ": " + busy.getMessage().replace("; wait for it to finish, or pass --wait", "")
                        + "; waiting for it (--wait)");
                err.flush();
            }), ExitCodes.OK);
        } catch (StoreBusyException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return new Locked(null, ExitCodes.BUSY);
        } catch (IOException e) {
            err.println(name + ": cannot lock the data folder " + dataDir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted while waiting for the data folder's lock");
        }
        err.flush();
        return new Locked(null, ExitCodes.ERROR);
    }

    /** Releases a lock taken by {@link #lock} (a failure to release is only logged: the process end releases it). */
    static void release(LocalStoreLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(WaitOption.class).warn("could not release {}: {}", lock.file(),
                    e.getMessage());
        }
    }
}
