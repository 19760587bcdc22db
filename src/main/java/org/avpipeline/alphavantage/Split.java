package org.avpipeline.alphavantage;

import java.time.LocalDate;

/** One SPLITS row: the day a split takes effect and its factor (NaN when missing). */
public record Split(LocalDate effectiveDate, double factor) {}
