package org.avpipeline.fetch;

/** Why a stored answer is fetched again in this run, or kept ({@link RefreshPolicy}). */
public enum RefreshReason {
    /** {@code --refresh}: everything is fetched. */
    REFRESH(true, "--refresh"),
    /** Nothing usable is stored. */
    NOT_STORED(true, "not stored"),
    /** The stored answer is damaged: its metadata, SHA-256 or body failed the check ({@link StoredAnswerCheck}). */
    DAMAGED(true, "stored answer damaged"),
    /** Daily prices are fetched in every run (the adjusted closes of the whole history change with each dividend). */
    EVERY_RUN(true, "every run"),
    /** The calendar says the ticker reported after the stored answer was fetched. */
    REPORTED(true, "reported since fetched"),
    /** A recent report's quarter is not yet in the stored answer (Alpha Vantage adds statements days later). */
    QUARTER_MISSING(true, "reported quarter missing"),
    /** The calendar cannot tell, and the report predicted from the stored earnings history is due. */
    PREDICTED(true, "predicted report due"),
    /** The new prices show a split on or after the day the stored splits were fetched. */
    SPLIT(true, "split in the new prices"),
    /** Older than {@code --max-statement-age} (to pick up restatements and what every other rule missed). */
    STATEMENT_AGE(true, "older than --max-statement-age"),
    /** A company profile (OVERVIEW) older than 30 days: descriptions rarely change. */
    PROFILE_AGE(true, "company profile older than 30 days"),
    /**
     * A balance sheet or cash flow whose report-driven fetch waited for the new income statement, which does not yet
     * hold the reported quarter (Alpha Vantage adds the three statements together): fetched in a later run.
     */
    WAITING(false, "waiting for the reported quarter"),
    /** Younger than {@code --max-age}: a rerun within the same week fetches nothing again. */
    FRESH(false, "younger than --max-age"),
    /** Nothing can have changed since the stored answer was fetched. */
    UNCHANGED(false, "unchanged");

    private final boolean fetches;
    private final String label;

    RefreshReason(boolean fetches, String label) {
        this.fetches = fetches;
        this.label = label;
    }

    /** Whether an answer with this reason is fetched. */
    public boolean fetches() {
        return fetches;
    }

    /** A few words for the summary, the manifest and the report. */
    public String label() {
        return label;
    }
}
