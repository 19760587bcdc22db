package org.avpipeline.fetch;

/**
 * The fetch stopped early: every request failed the same way (see {@link Reachability}). Carries the fetch as it was
 * when it stopped ({@link #fetch()}), for the failed run's summary, manifest and report.
 */
public final class FetchStoppedException extends RuntimeException {
    private final transient FetchSummary fetch;

    public FetchStoppedException(String message) {
        this(message, null);
    }

    private FetchStoppedException(String message, FetchSummary fetch) {
        super(message);
        this.fetch = fetch;
    }

    /** The same stop with the fetch as it was: requests attempted, elapsed time, the answers that failed. */
    FetchStoppedException with(FetchSummary asItWas) {
        FetchStoppedException e = new FetchStoppedException(getMessage(), asItWas);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The fetch up to the stop; null when unknown. */
    public FetchSummary fetch() {
        return fetch;
    }
}
