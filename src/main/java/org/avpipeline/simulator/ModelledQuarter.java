package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;

/** One modelled quarter before it is written into answers: its dates, its three statements' values and its EPS. */
record ModelledQuarter(LocalDate periodEnd, boolean fiscalYearEnd, LocalDate reportedDate, String reportTime,
        Map<AvFunction, Map<String, Double>> values, double eps) {}
