package org.avpipeline.artifact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each of a ticker's quarters reached the panel (pipeline.md §8.2), for {@code inspect --ticker}: its
 * fiscalDateEnding, reportedDate, the reportTime and available_date of the quarterly companion (when it is at hand),
 * and the first panel day that shows it (missing when no kept day does: a quarter available before START_DATE and
 * replaced before it, one becoming available on the same day as a later fiscal quarter, or one not available yet).
 */
public final class PanelQuarters {
    private PanelQuarters() {}

    /** The columns of {@link #rows}, in order. */
    public static final List<String> HEADER = List.of(ArtifactSchema.FISCAL_DATE_ENDING, ArtifactSchema.REPORTED_DATE,
            CompanionSchemas.REPORT_TIME, CompanionSchemas.AVAILABLE_DATE, "first_day_in_panel");

    /** The panel columns {@link #rows} reads, in the order it expects them. */
    public static final List<String> PANEL_COLUMNS = List.of(ArtifactSchema.DATE, ArtifactSchema.FISCAL_DATE_ENDING,
            ArtifactSchema.REPORTED_DATE);

    /** The companion columns {@link #rows} reads, in the order it expects them. */
    public static final List<String> QUARTERLY_COLUMNS = List.of(ArtifactSchema.FISCAL_DATE_ENDING,
            ArtifactSchema.REPORTED_DATE, CompanionSchemas.REPORT_TIME, CompanionSchemas.AVAILABLE_DATE);

    /**
     * @param panelRows one ticker's panel rows ({@link #PANEL_COLUMNS}), ascending by date
     * @param quarterlyRows the same ticker's quarterly companion rows ({@link #QUARTERLY_COLUMNS}), empty when there is
     *     no companion
     * @return one row per quarter ({@link #HEADER}), in fiscal order: the companion's quarters, else the panel's
     */
    public static List<List<Object>> rows(List<List<Object>> panelRows, List<List<Object>> quarterlyRows) {
        Map<LocalDate, LocalDate> firstDay = new HashMap<>();
        Map<LocalDate, Object> reported = new LinkedHashMap<>();
        for (List<Object> r : panelRows) {
            if (r.get(1) instanceof LocalDate fiscal) {
                firstDay.putIfAbsent(fiscal, (LocalDate) r.get(0));
                reported.putIfAbsent(fiscal, r.get(2));
            }
        }
        List<List<Object>> out = new ArrayList<>();
        if (quarterlyRows.isEmpty()) {
            reported.forEach((fiscal, date) -> out.add(row(fiscal, date, null, null, firstDay.get(fiscal))));
        } else {
            for (List<Object> q : quarterlyRows) {
                out.add(row(q.get(0), q.get(1), q.get(2), q.get(3), firstDay.get((LocalDate) q.get(0))));
            }
        }
        out.sort((a, b) -> ((LocalDate) a.get(0)).compareTo((LocalDate) b.get(0)));
        return out;
    }

    private static List<Object> row(Object... values) {
        List<Object> r = new ArrayList<>(values.length);
        for (Object v : values) {
            r.add(v);
        }
        return r;
    }
}
