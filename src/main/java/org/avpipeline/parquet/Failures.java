package org.avpipeline.parquet;

import java.io.IOException;

/** A failure caught on another thread, thrown again on the writer's. */
public final class Failures {
    private Failures() {}

    /**
     * Throws {@code failure} as it is when it is an {@link IOException}, an unchecked exception or an error, else
     * wrapped in an {@link IOException} saying that {@code what} failed; nothing when it is null.
     */
    public static void rethrow(Throwable failure, String what) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException(what + " failed: " + failure, failure);
    }
}
