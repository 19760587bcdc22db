package org.avpipeline.alphavantage;

/**
 * An answer that claims to be data but cannot be read: an unparseable number or date, or a missing data key. The
 * message names the function, the field and the offending value (never the API key).
 */
public final class MalformedAnswerException extends RuntimeException {
    private final AvFunction function;

    public MalformedAnswerException(AvFunction function, String message) {
        super(function.name() + ": " + message);
        this.function = function;
    }

    public MalformedAnswerException(AvFunction function, String message, Throwable cause) {
        super(function.name() + ": " + message, cause);
        this.function = function;
    }

    public AvFunction function() {
        return function;
    }
}
