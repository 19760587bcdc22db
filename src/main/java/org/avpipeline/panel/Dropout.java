package org.avpipeline.panel;

import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * One reason a ticker left the fundamentals path (or the artifact).
 *
 * @param dataType the data type concerned, {@code null} when the reason is not about one
 * @param detail a sentence for people, for example "7 quarterly INCOME_STATEMENT rows, at least 10 needed"
 */
public record Dropout(DropReason reason, AvFunction dataType, String detail) {
    public Dropout {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
