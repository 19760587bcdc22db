package org.avpipeline.report;

import java.util.Objects;

/** How many times something happened for one reason (e.g. failed requests by classification). */
public record ReasonCount(String reason, long count) {
    public ReasonCount {
        Objects.requireNonNull(reason, "reason");
        if (count < 0) {
            throw new IllegalArgumentException("negative count for " + reason);
        }
    }
}
