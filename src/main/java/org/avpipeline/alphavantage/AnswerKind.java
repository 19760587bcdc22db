package org.avpipeline.alphavantage;

/** What an Alpha Vantage answer (or the failure to get one) means, per the table of alpha-vantage.md. */
public enum AnswerKind {
    /** The answer holds the function's data (an empty list is data too). */
    DATA(false, false),
    /** A rate-limit message ({@code Note} or {@code Information}): wait, slow down, retry. */
    THROTTLED(true, false),
    /** The key's plan lacks the function: the run cannot succeed. */
    PREMIUM_REQUIRED(false, true),
    /** The key is invalid or missing: the run cannot succeed. */
    BAD_API_KEY(false, true),
    /** {@code Error Message} (or the empty object {@code {}}): unknown symbol or bad call; this ticker lacks it. */
    UNKNOWN_SYMBOL(false, false),
    /** Not JSON, truncated, without the data key, or an unknown non-data message: retry a bounded number of times. */
    MALFORMED(true, false),
    /** HTTP 5xx, 429 or 408, a timeout or a broken connection: retry. */
    TRANSIENT(true, false),
    /** Any other HTTP status (other 4xx, 3xx): not retried. */
    PERMANENT(false, false);

    private final boolean retryable;
    private final boolean fatal;

    AnswerKind(boolean retryable, boolean fatal) {
        this.retryable = retryable;
        this.fatal = fatal;
    }

    /** Whether another attempt may give data. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the whole run must stop (no other request can succeed either). */
    public boolean fatal() {
        return fatal;
    }

    /** The reason of a data type not requested because the ticker's first answer said "unknown symbol". */
    public static final String SKIPPED_UNKNOWN_SYMBOL = "SKIPPED_UNKNOWN_SYMBOL";
    /** The reason of a symbol that cannot be requested at all (it cannot name a file of the raw store). */
    public static final String INVALID_SYMBOL = "INVALID_SYMBOL";

    /**
     * Whether a failure's reason code is Alpha Vantage's answer about the symbol (it has no such symbol, or the
     * symbol could not be asked), not a lost request: such a ticker has no data, and that is no failure of the run.
     */
    public static boolean aboutTheSymbol(String reasonCode) {
        return UNKNOWN_SYMBOL.name().equals(reasonCode) || SKIPPED_UNKNOWN_SYMBOL.equals(reasonCode)
                || INVALID_SYMBOL.equals(reasonCode);
    }

    /** Words for summaries: "unknown symbol", "premium required", … */
    public String describe() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
