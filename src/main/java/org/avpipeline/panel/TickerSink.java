package org.avpipeline.panel;

/**
 * Receives the built tickers one at a time, in ascending ticker order, on the thread that runs
 * {@link UniverseBuild#run}. Every successfully built ticker is handed over, including one whose panel is
 * {@code null} (not in the artifact); failed tickers are not. A sink that throws stops the run.
 */
@FunctionalInterface
public interface TickerSink {
    void accept(TickerResult result) throws Exception;
}
