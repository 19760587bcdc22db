package org.avpipeline.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of a task run on another thread, its failure thrown on the caller's as it was thrown. */
public final class TaskResults {
    private TaskResults() {}

    /**
     * Waits for the task's result. A task that threw an unchecked exception or was interrupted throws it here as it
     * is; any other failure is wrapped in an {@link IllegalStateException} saying that {@code what} failed.
     */
    public static <T> T get(Future<T> task, String what) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof InterruptedException i) {
                throw i;
            }
            throw new IllegalStateException(what + " failed", cause);
        }
    }
}
