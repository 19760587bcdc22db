package org.avpipeline.artifact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarters as they stood on a day (pipeline.md §8a): of the quarterly companion's rows, the versions valid on the
 * day ({@code valid_from <= day < valid_to}, a missing bound holds) of the quarters available by then
 * ({@code available_date <= day}). For {@code inspect --as-of}. A pure function of rows read by {@link ArtifactReader}.
 */
public final class QuarterlyAsOf {
    private QuarterlyAsOf() {}

    /** The columns the filter needs. */
    public static final List<String> NEEDED = List.of(CompanionSchemas.AVAILABLE_DATE, CompanionSchemas.VALID_FROM,
            CompanionSchemas.VALID_TO);

    /**
     * @param header the names of the columns of {@code rows}, including {@link #NEEDED}
     * @return the rows valid and available on {@code day}, in their order
     */
    public static List<List<Object>> rows(List<String> header, List<List<Object>> rows, LocalDate day) {
        int available = header.indexOf(CompanionSchemas.AVAILABLE_DATE);
        int from = header.indexOf(CompanionSchemas.VALID_FROM);
        int to = header.indexOf(CompanionSchemas.VALID_TO);
        if (available < 0 || from < 0 || to < 0) {
            throw new IllegalArgumentException("the rows lack " + NEEDED);
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            LocalDate a = (LocalDate) r.get(available);
            LocalDate f = (LocalDate) r.get(from);
            LocalDate t = (LocalDate) r.get(to);
            if (a != null && !a.isAfter(day) && (f == null || !f.isAfter(day)) && (t == null || t.isAfter(day))) {
                out.add(r);
            }
        }
        return out;
    }
}
