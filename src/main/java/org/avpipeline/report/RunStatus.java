package org.avpipeline.report;

/** How the run ended, as the report's header shows it. */
public enum RunStatus {
    /** The artifact was written and every request for every ticker succeeded. */
    SUCCESS,
    /** The artifact was written, but some tickers' data could not be fetched (they are named in the funnel). */
    SUCCESS_WITH_FAILURES,
    /** An artifact was built but lost data against the previous run (see the manifest's outcome section). */
    DEGRADED,
    /** No artifact was produced (the reason is in the warnings). */
    FAILED;

    /** {@link #SUCCESS_WITH_FAILURES} when any data type of any ticker failed to fetch, else {@link #SUCCESS}. */
    public static RunStatus judge(Funnel funnel) {
        return funnel.fetchFailures() > 0 ? SUCCESS_WITH_FAILURES : SUCCESS;
    }

    /** The words the report shows. */
    public String label() {
        return switch (this) {
            case SUCCESS -> "Success";
            case SUCCESS_WITH_FAILURES -> "Success, with failures";
            case DEGRADED -> "Degraded";
            case FAILED -> "Failed";
        };
    }
}
