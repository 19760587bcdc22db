package org.avpipeline.cli;

/** The exit codes of the commands (also listed in {@code --help}). */
public final class ExitCodes {
    private ExitCodes() {}

    /** The run completed (some tickers may lack some data; the summary says which). */
    public static final int OK = 0;
    /** An unexpected error. */
    public static final int ERROR = 1;
    /** Bad usage or an invalid setting (before any request). */
    public static final int USAGE = 2;
    /** The ETF's holdings could not be fetched. */
    public static final int ETF_LOOKUP = 3;
    /** Alpha Vantage rejected the API key, or the key's plan lacks a function (premium). */
    public static final int KEY_REJECTED = 4;
    /** No ticker has price data on or after the start date: no artifact was written (the previous one is kept). */
    public static final int NOTHING_TO_WRITE = 5;
    /** Nothing was fetched: Alpha Vantage unreachable, or every request failed (nothing written). */
    public static final int FETCH_FAILED = 7;
    /** The run is degraded (data lost against the previous run): its artifact was kept aside, not published. */
    public static final int DEGRADED = 8;
    /** Another run holds the data folder's lock (local lock file or S3 lock object): nothing was done. */
    public static final int BUSY = 9;
}
