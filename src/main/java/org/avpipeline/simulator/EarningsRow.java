package org.avpipeline.simulator;

import java.time.LocalDate;

/** One quarterlyEarnings row; {@code reportedDate} is null when the answer says "None". */
record EarningsRow(LocalDate fiscalDateEnding, LocalDate reportedDate, double reportedEps, double estimatedEps,
        String reportTime) {}
