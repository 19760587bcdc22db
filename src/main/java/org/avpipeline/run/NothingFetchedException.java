package org.avpipeline.run;

import java.util.stream.Collectors;
import org.avpipeline.fetch.FetchSummary;

/** Every request of the run failed and no usable answer was stored: there is nothing to build (outcome failed). */
public final class NothingFetchedException extends Exception {
    private final transient FetchSummary fetch;

    NothingFetchedException(FetchSummary fetch) {
        super("nothing was fetched: all " + fetch.failed() + " answers failed ("
                + fetch.failuresByReason().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                + ") and no usable answer was stored");
        this.fetch = fetch;
    }

    public FetchSummary fetch() {
        return fetch;
    }
}
