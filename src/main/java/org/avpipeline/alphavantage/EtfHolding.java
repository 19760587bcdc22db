package org.avpipeline.alphavantage;

/** One ETF_PROFILE holding as answered (the symbol may be "n/a" or empty). Weight is NaN when missing. */
public record EtfHolding(String symbol, String description, double weight) {}
