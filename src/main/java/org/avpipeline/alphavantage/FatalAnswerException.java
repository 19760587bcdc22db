package org.avpipeline.alphavantage;

/**
 * An answer after which no request of the run can succeed: the key's plan lacks a function
 * ({@link AnswerKind#PREMIUM_REQUIRED}) or the key was rejected ({@link AnswerKind#BAD_API_KEY}). The message names
 * the function, or says the key was rejected, and never contains the key.
 */
public final class FatalAnswerException extends RuntimeException {
    private final AnswerKind kind;
    private final AvFunction function;

    public FatalAnswerException(AnswerKind kind, AvFunction function, String detail) {
        super(message(kind, function, detail));
        this.kind = kind;
        this.function = function;
    }

    private static String message(AnswerKind kind, AvFunction function, String detail) {
        String said = detail == null || detail.isBlank() ? "" : " (Alpha Vantage said: " + detail + ")";
        if (kind == AnswerKind.PREMIUM_REQUIRED) {
            return "Alpha Vantage function " + function.name() + " needs a premium API key; the key's plan does not "
                    + "include it" + said;
        }
        if (kind == AnswerKind.BAD_API_KEY) {
            return "Alpha Vantage rejected the API key (invalid or missing) on " + function.name()
                    + "; check ALPHA_VANTAGE_API_KEY" + said;
        }
        return "Alpha Vantage answered " + kind.describe() + " on " + function.name() + said;
    }

    public AnswerKind kind() {
        return kind;
    }

    public AvFunction function() {
        return function;
    }
}
