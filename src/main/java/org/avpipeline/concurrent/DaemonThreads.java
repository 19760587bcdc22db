package org.avpipeline.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one way the program makes its pools' threads: daemons (they never keep the JVM alive), named for their work. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory of daemon threads named {@code name-1}, {@code name-2}, … */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
