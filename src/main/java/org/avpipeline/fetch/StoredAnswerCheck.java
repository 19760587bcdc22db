package org.avpipeline.fetch;

import java.io.IOException;
import java.util.Optional;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.StoredAnswer;

/**
 * Whether a stored answer can be used as it is: its metadata is present and readable, the body decompresses and
 * matches the SHA-256 of its metadata (the store checks both on {@link RawStore#read}), and the body parses as that
 * function's answer. The fetch counts a stored answer as fresh only when it passes (the build reads with
 * {@link RawStore#readIntact} and, like this check, loses only the data type of a damaged answer).
 */
public final class StoredAnswerCheck {
    private StoredAnswerCheck() {}

    /** What a check found: the answer, or why there is none that can be used. */
    public record Result(Optional<StoredAnswer> answer, String damage) {
        static Result missing() {
            return new Result(Optional.empty(), null);
        }

        static Result damaged(String why) {
            return new Result(Optional.empty(), why);
        }

        /** Whether something is stored but cannot be used. */
        public boolean damaged() {
            return damage != null;
        }
    }

    /**
     * Reads and verifies one stored answer. Never throws for a damaged answer (that is the result's {@code damage});
     * an {@link IOException} is left to the caller only when the thread was interrupted during the read.
     */
    public static Result read(RawStore store, RawKey key) throws IOException {
        Optional<StoredAnswer> stored;
        try {
            stored = store.read(key);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return Result.damaged(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (stored.isEmpty()) {
            return Result.missing();
        }
        try {
            AnswerParsers.check(key.function(), key.symbol(), stored.get().body());
        } catch (MalformedAnswerException | IllegalArgumentException e) {
            return Result.damaged("the stored body is not a " + key.function() + " answer: " + e.getMessage());
        }
        return new Result(stored, null);
    }
}
