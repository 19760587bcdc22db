package org.avpipeline.fetch;

/** The ETF's holdings could not be had (pipeline.md §1: the run fails, nothing else can proceed). */
public final class EtfLookupException extends RuntimeException {
    public EtfLookupException(String message) {
        super(message);
    }

    public EtfLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
