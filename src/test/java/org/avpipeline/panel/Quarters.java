package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.List;
import org.avpipeline.artifact.TickerPanel;

/** Builds a {@link QuarterlyRows} row by row for tests (fiscal order). */
final class Quarters {
    private final List<Integer> fiscal = new ArrayList<>();
    private final List<Integer> reported = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    /** A quarter with the given metric values (name, value pairs); others missing; reported may be null. */
    Quarters add(String fiscalDate, String reportedDate, Object... namesAndValues) {
        fiscal.add(Fixtures.day(fiscalDate));
        reported.add(reportedDate == null ? TickerPanel.NO_DATE : Fixtures.day(reportedDate));
        double[] row = new double[Metrics.ALL.size()];
        java.util.Arrays.fill(row, Double.NaN);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            int m = Metrics.ALL.indexOf((String) namesAndValues[i]);
            if (m < 0) {
                throw new IllegalArgumentException("not a metric: " + namesAndValues[i]);
            }
            row[m] = ((Number) namesAndValues[i + 1]).doubleValue();
        }
        rows.add(row);
        return this;
    }

    QuarterlyRows rows() {
        int n = fiscal.size();
        double[][] cols = new double[Metrics.ALL.size()][n];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < cols.length; m++) {
                cols[m][i] = rows.get(i)[m];
            }
        }
        return new QuarterlyRows(fiscal.stream().mapToInt(Integer::intValue).toArray(),
                reported.stream().mapToInt(Integer::intValue).toArray(), cols);
    }

    QuarterHistory history() {
        return QuarterHistory.of(rows());
    }
}
