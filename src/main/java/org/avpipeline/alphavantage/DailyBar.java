package org.avpipeline.alphavantage;

import java.time.LocalDate;

/** One day of TIME_SERIES_DAILY_ADJUSTED. Missing numbers are NaN. */
public record DailyBar(LocalDate date, double open, double high, double low, double close, double adjustedClose,
        double volume, double dividendAmount, double splitCoefficient) {}
