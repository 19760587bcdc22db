package org.avpipeline.fetch;

import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * Whether one data type of one ticker is fetched in this run, and why.
 *
 * @param function the data type
 * @param reason the rule that decided
 * @param detail the facts behind it, e.g. {@code "reported 2024-04-25 (calendar), fetched 2024-04-22"}; may be empty
 */
public record RefreshDecision(AvFunction function, RefreshReason reason, String detail) {
    public RefreshDecision {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public boolean fetch() {
        return reason.fetches();
    }

    /** The reason and its detail in a few words. */
    public String describe() {
        return detail.isEmpty() ? reason.label() : reason.label() + ": " + detail;
    }
}
