package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.List;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * Builds a {@link QuarterlyRows} row by row for tests (fiscal order). Each quarter's reportTime is the builder's
 * default ({@code null}, as in older answers, unless made with {@link #Quarters(String)}) or set with {@link #at}.
 */
final class Quarters {
    private final List<Integer> fiscal = new ArrayList<>();
    private final List<Integer> reported = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final String defaultTime;

    Quarters() {
        this(null);
    }

    /** Quarters reported at {@code reportTime} unless {@link #at} says otherwise. */
    Quarters(String reportTime) {
        this.defaultTime = reportTime;
    }

    /** Quarters reported before the open (available on their report day, §8.2). */
    static Quarters preMarket() {
        return new Quarters(Availability.PRE_MARKET);
    }

    /** Sets the reportTime of the quarter added last. */
    Quarters at(String reportTime) {
        times.set(times.size() - 1, reportTime);
        return this;
    }

    /** A quarter with the given metric values (name, value pairs); others missing; reported may be null. */
    Quarters add(String fiscalDate, String reportedDate, Object... namesAndValues) {
        fiscal.add(Fixtures.day(fiscalDate));
        reported.add(reportedDate == null ? TickerPanel.NO_DATE : Fixtures.day(reportedDate));
        times.add(defaultTime);
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
                reported.stream().mapToInt(Integer::intValue).toArray(), times.toArray(new String[0]), cols);
    }

    QuarterHistory history() {
        return QuarterHistory.of(rows());
    }
}
