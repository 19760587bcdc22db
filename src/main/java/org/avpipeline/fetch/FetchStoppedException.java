package org.avpipeline.fetch;

/** The fetch stopped early: every request failed the same way (see {@link Reachability}). */
public final class FetchStoppedException extends RuntimeException {
    public FetchStoppedException(String message) {
        super(message);
    }
}
