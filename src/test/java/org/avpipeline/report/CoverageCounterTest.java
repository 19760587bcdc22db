package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.junit.jupiter.api.Test;

class CoverageCounterTest {

    private record Row(String ticker, LocalDate date, boolean complete) {}

    /**
     * AAA: complete at the end of January; complete early in February but not on its last February row; no rows in
     * March; complete in April. BBB: complete in January; no February; not complete in March.
     */
    private static final List<Row> ROWS = List.of(
            new Row("AAA", LocalDate.of(2020, 1, 2), false),
            new Row("AAA", LocalDate.of(2020, 1, 31), true),
            new Row("AAA", LocalDate.of(2020, 2, 3), true),
            new Row("AAA", LocalDate.of(2020, 2, 28), false),
            new Row("AAA", LocalDate.of(2020, 4, 1), true),
            new Row("BBB", LocalDate.of(2020, 1, 15), true),
            new Row("BBB", LocalDate.of(2020, 3, 2), true),
            new Row("BBB", LocalDate.of(2020, 3, 31), false));

    private static final List<MonthCoverage> EXPECTED = List.of(
            new MonthCoverage(YearMonth.of(2020, 1), 2, 2),
            new MonthCoverage(YearMonth.of(2020, 2), 1, 0),
            new MonthCoverage(YearMonth.of(2020, 3), 1, 0),
            new MonthCoverage(YearMonth.of(2020, 4), 1, 1));

    @Test
    void countsTheFlagOnEachTickersLastRowOfTheMonth() {
        CoverageCounter counter = new CoverageCounter();
        ROWS.forEach(r -> counter.add(r.ticker(), (int) r.date().toEpochDay(), r.complete()));
        Coverage c = counter.coverage();
        assertEquals(Coverage.RULE, c.rule());
        assertEquals(2, c.totalTickers());
        assertEquals(EXPECTED, c.months());
    }

    @Test
    void rowOrderDoesNotMatter() {
        List<Row> shuffled = new ArrayList<>(ROWS);
        Collections.shuffle(shuffled, new Random(3));
        CoverageCounter counter = new CoverageCounter();
        shuffled.forEach(r -> counter.add(r.ticker(), (int) r.date().toEpochDay(), r.complete()));
        assertEquals(EXPECTED, counter.coverage().months());
    }

    @Test
    void panelsCountLikeTheirRowsAndGiveTheArtifactFacts() {
        CoverageCounter counter = new CoverageCounter();
        counter.add(panel("AAA", ROWS.subList(0, 5)));
        counter.add(panel("BBB", ROWS.subList(5, 8)));
        assertEquals(EXPECTED, counter.coverage().months());
        ArtifactFacts facts = counter.artifactFacts(12_345);
        assertEquals(new ArtifactFacts(ArtifactSchema.FILE_NAME, 8, 160, 12_345, LocalDate.of(2020, 1, 2),
                LocalDate.of(2020, 4, 1), 2), facts);
    }

    @Test
    void aLaterRowOnTheSameDateReplacesTheEarlierOne() {
        CoverageCounter counter = new CoverageCounter();
        int day = (int) LocalDate.of(2021, 6, 30).toEpochDay();
        counter.add("AAA", day, true);
        counter.add("AAA", day, false);
        assertEquals(List.of(new MonthCoverage(YearMonth.of(2021, 6), 1, 0)), counter.coverage().months());
    }

    @Test
    void nothingFedMeansNoMonthsAndNoDates() {
        CoverageCounter counter = new CoverageCounter();
        assertEquals(List.of(), counter.coverage().months());
        assertEquals(0, counter.coverage().totalTickers());
        assertNull(counter.artifactFacts(0).firstDate());
        assertThrows(IllegalArgumentException.class, () -> counter.add("AAA", TickerPanel.NO_DATE, true));
    }

    private static TickerPanel panel(String ticker, List<Row> rows) {
        TickerPanel p = TickerPanel.empty(ticker, rows.size());
        int[] dates = p.dates(ArtifactSchema.DATE);
        boolean[] complete = p.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);
        for (int i = 0; i < rows.size(); i++) {
            dates[i] = (int) rows.get(i).date().toEpochDay();
            complete[i] = rows.get(i).complete();
        }
        return p;
    }
}
