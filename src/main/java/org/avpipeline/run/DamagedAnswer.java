package org.avpipeline.run;

import org.avpipeline.alphavantage.AvFunction;

/** A stored answer the build could not use (unreadable, not matching its SHA-256, or not parsing): that data type is
 * missing from the ticker's rows; the rest of the ticker is built. */
public record DamagedAnswer(String ticker, AvFunction dataType, String reason) {
    /** One line for summaries, the manifest's warnings and the report. */
    public String describe() {
        return ticker + " " + dataType + ": stored answer damaged, built without it (" + reason + ")";
    }

    /**
     * The command that fetches these answers again: a fetch counts a damaged or half-stored answer as missing, so it
     * fetches exactly those of the named tickers (and what is stale anyway).
     */
    public static String refetchCommand(java.nio.file.Path dataDir, java.util.List<DamagedAnswer> answers) {
        return "avpipeline fetch --data-dir " + dataDir + " --tickers "
                + String.join(",", answers.stream().map(DamagedAnswer::ticker).distinct().sorted().toList());
    }
}
