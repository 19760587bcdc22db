package org.avpipeline.simulator;

import java.time.LocalDate;

/** One report of a statement: its period end and one value per field of {@link StatementFields} (NaN = "None"). */
record StatementRow(LocalDate fiscalDateEnding, double[] values) {
    StatementRow with(int field, double value) {
        double[] v = values.clone();
        v[field] = value;
        return new StatementRow(fiscalDateEnding, v);
    }
}
