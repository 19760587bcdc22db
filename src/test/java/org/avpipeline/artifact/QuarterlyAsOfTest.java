package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code inspect --as-of}: the versions valid on the day of the quarters available by then. */
class QuarterlyAsOfTest {
    static final List<String> HEADER = List.of("fiscalDateEnding", "totalRevenue", "available_date", "valid_from",
            "valid_to");

    static List<Object> row(String fiscal, double revenue, String available, String from, String to) {
        return Arrays.asList(LocalDate.parse(fiscal), revenue, available == null ? null : LocalDate.parse(available),
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    static final List<List<Object>> ROWS = List.of(
            row("2024-03-31", 100, "2024-04-30", null, null),
            row("2024-06-30", 110, "2024-07-30", null, "2025-02-03"),
            row("2024-06-30", 112, "2024-07-30", "2025-02-03", null),
            row("2024-09-30", 120, "2024-10-30", "2024-11-11", null),
            row("2024-12-31", 130, null, null, null));

    @Test
    void eachQuarterAvailableByTheDayInTheVersionValidThatDay() {
        assertEquals(List.of(ROWS.get(0), ROWS.get(1)), QuarterlyAsOf.rows(HEADER, ROWS, LocalDate.parse("2024-11-10")));
        assertEquals(List.of(ROWS.get(0), ROWS.get(1), ROWS.get(3)),
                QuarterlyAsOf.rows(HEADER, ROWS, LocalDate.parse("2024-11-11")));
        assertEquals(List.of(ROWS.get(0), ROWS.get(2), ROWS.get(3)),
                QuarterlyAsOf.rows(HEADER, ROWS, LocalDate.parse("2025-02-03")), "valid_to is exclusive");
        assertEquals(List.of(), QuarterlyAsOf.rows(HEADER, ROWS, LocalDate.parse("2024-04-29")));
    }

    @Test
    void rowsWithoutTheValidityColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QuarterlyAsOf.rows(HEADER.subList(0, 3), List.of(),
                LocalDate.parse("2024-01-01")));
    }
}
