package org.avpipeline.report;

import java.time.LocalDate;

/** A quarter whose |balance_gap| exceeds 2 % (pipeline.md §4.1), for the run report. */
public record BalanceGapQuarter(String ticker, LocalDate fiscalDateEnding, double balanceGap) {}
