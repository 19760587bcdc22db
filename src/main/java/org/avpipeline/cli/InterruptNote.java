package org.avpipeline.cli;

import java.io.PrintWriter;

/**
 * While a command works, what it says when Ctrl-C (or a termination signal) ends the JVM: what was kept, so that the
 * user knows what a rerun will do. A shutdown hook prints it; {@link #close} (when the work is done) removes it.
 */
final class InterruptNote implements AutoCloseable {
    private final Thread hook;
    private boolean closed;

    private InterruptNote(Thread hook) {
        this.hook = hook;
    }

    /** Prints {@code message} on {@code err} if the JVM is stopped before {@link #close}. */
    static InterruptNote register(PrintWriter err, String message) {
        Thread hook = new Thread(() -> {
            err.println(message);
            err.flush();
        }, "avpipeline-interrupt-note");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNote(hook);
    }

    /** What a stopped fetch kept: every answer stored so far. */
    static String fetchKept(String name, java.nio.file.Path dataDir) {
        return name + ": stopped (Ctrl-C or a signal): the answers fetched so far are kept in "
                + dataDir.resolve("raw") + ", each complete and checked; a rerun fetches only the rest.";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook runs (or ran) and says what was kept
        }
    }
}
