package org.avpipeline.panel;

/** Why a ticker left the fundamentals path, or the artifact. */
public enum DropReason {
    /** A statement had some rows but fewer than {@code min_obs} (§3.3). */
    TOO_LITTLE_HISTORY,
    /** No rows in one of earnings / income statement / balance sheet / cash flow, or no quarter common to all three statements (§5.1–5.2). */
    NOT_IN_ALL_STATEMENTS,
    /** No quarter row is a month end (§5.5). */
    NO_CONTINUOUS_QUARTERS,
    /** No price rows on or after START_DATE: the ticker is not in the artifact (§8). */
    NO_PRICES
}
