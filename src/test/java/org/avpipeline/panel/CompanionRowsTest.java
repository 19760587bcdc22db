package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.avpipeline.alphavantage.CompanyOverview;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class CompanionRowsTest {
    private static int day(String iso) {
        return (int) d(iso).toEpochDay();
    }

    /** Weekdays of January 2024 (the 1st is a Monday). */
    private static final List<DailyBar> BARS = Fixtures.weekdays("2024-01-01", "2024-01-31", x -> 10.0);

    private static int[] barDays() {
        return BARS.stream().mapToInt(b -> (int) b.date().toEpochDay()).toArray();
    }

    @Test
    void availableDateFollowsTheReportTime() {
        // Tuesday 2024-01-09 pre-market, post-market, without; the last bar's day post-market, pre-market
        int[] fiscal = {day("2023-03-31"), day("2023-06-30"), day("2023-09-30"), day("2023-12-31"), day("2024-03-31")};
        int[] reported = {day("2024-01-09"), day("2024-01-09"), day("2024-01-09"), day("2024-01-31"),
                day("2024-01-31")};
        String[] times = {"pre-market", "post-market", null, "post-market", "pre-market"};
        QuarterHistory h = QuarterHistory.of(new QuarterlyRows(fiscal, reported, times,
                QuarterlyRows.emptyColumns(5)));
        assertArrayEquals(new int[] {day("2024-01-09"), day("2024-01-10"), day("2024-01-10"), TickerPanel.NO_DATE,
                day("2024-01-31")}, CompanionRows.quarters("ACME", h, barDays()).dates(CompanionSchemas.AVAILABLE_DATE));
        assertArrayEquals(times, CompanionRows.quarters("ACME", h, barDays()).strings(CompanionSchemas.REPORT_TIME));
    }

    @Test
    void quarterlyRowsCarryTheQuartersOwnValuesAndTheirTtm() {
        double[][] metrics = QuarterlyRows.emptyColumns(5);
        int[] fiscal = {day("2023-03-31"), day("2023-06-30"), day("2023-09-30"), day("2023-12-31"), day("2024-03-31")};
        int[] reported = {day("2023-04-20"), day("2023-07-20"), TickerPanel.NO_DATE, day("2024-01-06"),
                day("2024-04-20")};
        double[] revenue = metrics[Metrics.ALL.indexOf("totalRevenue")];
        double[] shares = metrics[Metrics.ALL.indexOf(Metrics.SHARES)];
        for (int i = 0; i < 5; i++) {
            revenue[i] = 100 + i;
            shares[i] = 1e6;
        }
        revenue[4] = Double.NaN;
        QuarterlyRows rows = new QuarterlyRows(fiscal, reported, metrics);
        TableRows q = CompanionRows.quarters("ACME", QuarterHistory.of(rows, CleaningMode.REFERENCE), barDays());

        assertEquals(5, q.rows());
        assertArrayEquals(fiscal, q.dates(ArtifactSchema.FISCAL_DATE_ENDING));
        assertArrayEquals(reported, q.dates(ArtifactSchema.REPORTED_DATE));
        // reported before the first bar: available on the first bar (as in the panel); after the last: not yet
        assertArrayEquals(new int[] {day("2024-01-01"), day("2024-01-01"), TickerPanel.NO_DATE, day("2024-01-08"),
                TickerPanel.NO_DATE}, q.dates(CompanionSchemas.AVAILABLE_DATE));
        assertArrayEquals(new int[] {day("2023-03-31"), day("2023-06-30"), day("2023-09-30"), day("2023-12-31"),
                day("2024-03-31")}, q.dates(ArtifactSchema.CALENDAR_QUARTER_ENDING));
        assertArrayEquals(new double[] {100, 101, 102, 103, Double.NaN}, q.doubles("totalRevenue"), 0.0,
                "the quarter's own value, not carried");
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 406, 306}, q.doubles("totalRevenue_ttm"),
                0.0, "reference: a missing quarter counts as 0 in the TTM");
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 406, Double.NaN},
                CompanionRows.quarters("ACME", QuarterHistory.of(rows, CleaningMode.AS_SERVED), barDays())
                        .doubles("totalRevenue_ttm"), 0.0, "as served: a missing quarter, no TTM");
        assertArrayEquals(shares, q.doubles(Metrics.SHARES), 0.0);
        assertNull(CompanionRows.quarters("ACME", QuarterHistory.EMPTY, barDays()), "no continuous run, no rows");
    }

    @Test
    void pricesFromTheStartDateWithTheRawClose() {
        TableRows p = CompanionRows.prices("ACME", BARS, d("2024-01-29"));
        assertEquals(3, p.rows());
        assertArrayEquals(new int[] {day("2024-01-29"), day("2024-01-30"), day("2024-01-31")},
                p.dates(ArtifactSchema.DATE));
        assertEquals(BARS.get(BARS.size() - 1).close(), p.doubles(CompanionSchemas.CLOSE)[2]);
        assertEquals(BARS.get(BARS.size() - 1).splitCoefficient(), p.doubles("split_coefficient")[2]);
        assertNull(CompanionRows.prices("ACME", BARS, d("2024-02-01")));
    }

    @Test
    void aProfileRowFromTheOverviewOrNone() {
        Instant fetched = Instant.parse("2025-01-02T03:04:05.678Z");
        TableRows r = CompanionRows.profile("ACME", new CompanyOverview("ACME", "Common Stock", "Acme Corp", "123",
                "NYSE", "USD", "USA", "INDUSTRIALS", null, "June", fetched));
        assertEquals("Acme Corp", r.strings("name")[0]);
        assertEquals("123", r.strings("cik")[0]);
        assertNull(r.strings("industry")[0]);
        assertEquals("June", r.strings("fiscal_year_end")[0]);
        assertEquals(fetched.toEpochMilli(), r.timestamps(CompanionSchemas.FETCHED_AT)[0]);
        assertNull(CompanionRows.profile("ETF", null));
    }
}
