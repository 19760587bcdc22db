package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.avpipeline.artifact.TickerPanel;

/**
 * pipeline.md §8a, the splice: day {@code d}'s row of the panel is the row of the panel of the set whose interval
 * holds {@code d}. Every set's panel is built over the same price days, so their rows line up and the price columns
 * are equal; the splice copies whole rows. A pure function.
 */
public final class VintageSplice {
    private VintageSplice() {}

    private static final int DATE = ArtifactSchema.indexOf(ArtifactSchema.DATE);

    /**
     * @param panels each set's panel (the same days in each), in the order of the sets; the build's own: the last
     *     (today's) is reused, its rows of the earlier intervals overwritten
     * @param from the first day of each set's interval ({@code from[0]} is ignored: the first set holds every day
     *     before the second's), ascending
     * @return one panel: the rows of {@code panels[k]} on the days {@code from[k] <= d < from[k+1]}; the step columns
     *     ({@link TickerPanel#markSteps}) stay step columns, with a step also where the set changes
     */
    public static TickerPanel splice(List<TickerPanel> panels, List<LocalDate> from) {
        int last = panels.size() - 1;
        TickerPanel out = panels.get(last);
        if (last == 0) {
            return out;
        }
        int[] starts = starts(panels, from);
        boolean steps = panels.stream().allMatch(p -> p.stepStarts() != null);
        int[] stepStarts = steps ? stepStarts(panels, starts) : null; // before the last panel's rows change
        List<Column> schema = ArtifactSchema.COLUMNS;
        List<Integer> stepColumns = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            if (out.isStep(c)) {
                stepColumns.add(c);
            }
            for (int k = 0; k < last; k++) {
                int n = starts[k + 1] - starts[k];
                if (n == 0) {
                    continue;
                }
                TickerPanel p = panels.get(k);
                switch (schema.get(c).type()) {
                    case DATE -> System.arraycopy(p.dates(c), starts[k], out.dates(c), starts[k], n);
                    case DOUBLE -> System.arraycopy(p.doubles(c), starts[k], out.doubles(c), starts[k], n);
                    case BOOLEAN -> System.arraycopy(p.booleans(c), starts[k], out.booleans(c), starts[k], n);
                    default -> { }
                }
            }
        }
        if (!stepColumns.isEmpty() && steps) {
            out.markSteps(stepStarts, stepColumns.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * How many rows of the spliced panel differ from the last (current) set's panel on the same day: rows of an
     * earlier set's interval with a value (any column, NaN equal to NaN) other than the current panel's. Counts only
     * the earlier sets' intervals, so it costs what they hold.
     */
    public static int rowsDifferingFromLast(List<TickerPanel> panels, List<LocalDate> from) {
        if (panels.size() == 1) {
            return 0;
        }
        int[] starts = starts(panels, from);
        int earlier = starts[panels.size() - 1]; // the rows before the current set's interval
        if (earlier == 0) {
            return 0;
        }
        TickerPanel last = panels.get(panels.size() - 1);
        boolean[] differs = new boolean[earlier];
        List<Column> schema = ArtifactSchema.COLUMNS;
        for (int k = 0; k < panels.size() - 1; k++) {
            TickerPanel p = panels.get(k);
            for (int c = 0; c < schema.size(); c++) {
                markDiffering(p, last, c, schema.get(c), starts[k], starts[k + 1], differs);
            }
        }
        int differing = 0;
        for (boolean d : differs) {
            differing += d ? 1 : 0;
        }
        return differing;
    }

    /**
     * Marks the rows {@code from <= r < to} where column {@code c} of {@code a} and {@code b} differ (NaN equal to NaN),
     * column by column with {@link Arrays#mismatch}: most rows of most columns are equal.
     */
    private static void markDiffering(TickerPanel a, TickerPanel b, int c, Column column, int from, int to,
            boolean[] differs) {
        int r = from;
        while (r < to) {
            int m = switch (column.type()) {
                case DATE -> Arrays.mismatch(a.dates(c), r, to, b.dates(c), r, to);
                case DOUBLE -> Arrays.mismatch(a.doubles(c), r, to, b.doubles(c), r, to);
                case BOOLEAN -> Arrays.mismatch(a.booleans(c), r, to, b.booleans(c), r, to);
                default -> -1;
            };
            if (m < 0) {
                return;
            }
            differs[r + m] = true;
            r += m + 1;
        }
    }

    /** The first row of each set's interval, and the row count last. */
    private static int[] starts(List<TickerPanel> panels, List<LocalDate> from) {
        int[] days = panels.get(0).dates(DATE);
        int[] starts = new int[panels.size() + 1];
        for (int k = 1; k < panels.size(); k++) {
            starts[k] = Math.max(starts[k - 1], DailyPanel.lowerBound(days, (int) from.get(k).toEpochDay()));
        }
        starts[panels.size()] = panels.get(0).rows();
        return starts;
    }

    /** The steps of each set's panel within its rows, and a step where each set's rows begin. */
    private static int[] stepStarts(List<TickerPanel> panels, int[] starts) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < panels.size(); k++) {
            if (starts[k + 1] == starts[k]) {
                continue;
            }
            out.add(starts[k]);
            int[] own = panels.get(k).stepStarts();
            for (int s : own == null ? new int[0] : own) {
                if (s > starts[k] && s < starts[k + 1]) {
                    out.add(s);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
