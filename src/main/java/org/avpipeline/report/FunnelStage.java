package org.avpipeline.report;

import java.util.List;

/**
 * One bar of the funnel chart: a presentation of {@link Funnel}, derived by {@link FunnelStages}.
 *
 * @param label what the tickers of this stage have
 * @param count tickers at this stage (the bar's length)
 * @param secondary the part of {@code count} drawn in the second colour (fetch failures, prices-only tickers)
 * @param countNote what the two parts mean; empty when there is no second part
 * @param dropped tickers (or symbols) this stage removed
 * @param dropNote the dropped ones in a few words
 * @param details the dropped or affected ones, each with its reason, for the expandable list
 * @param secondaryIsWarning whether the second part is a problem (amber) or a neutral part (light)
 */
record FunnelStage(String label, int count, int secondary, String countNote, int dropped, String dropNote,
        List<Detail> details, boolean secondaryIsWarning) {

    /** A named ticker or symbol in the expandable list. */
    record Detail(String name, String where, String reason) {}

    FunnelStage {
        details = List.copyOf(details);
    }
}
