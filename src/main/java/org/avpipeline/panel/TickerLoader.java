package org.avpipeline.panel;

/** Loads (reads and parses) one ticker's data; a failure fails only that ticker. */
@FunctionalInterface
public interface TickerLoader {
    TickerData load(String ticker) throws Exception;
}
