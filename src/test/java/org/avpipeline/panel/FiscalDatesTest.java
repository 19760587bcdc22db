package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-07-28, 2024-07-31", // 52/53-week period end a few days before the month end
        "2023-10-01, 2023-09-30", // one day after the month end
        "2024-07-31, 2024-07-31", // already a month end
        "2024-07-15, 2024-07-15", // mid-month: left alone
        "2024-07-24, 2024-07-31", // exactly 7 days before
        "2024-07-23, 2024-07-23", // 8 days before: left alone
        "2024-08-07, 2024-07-31", // exactly 7 days after
        "2024-08-08, 2024-08-08", // 8 days after: left alone
        "2024-02-22, 2024-02-29", // leap February
        "2023-02-21, 2023-02-28", // common February
        "2024-01-03, 2023-12-31", // across the year end
        "2023-12-25, 2023-12-31",
    })
    void normalizesToTheNearestMonthEndWithinSevenDays(String date, String expected) {
        assertEquals(d(expected), FiscalDates.normalize(d(date)));
    }

    @Test
    void statementCollisionsKeepTheFirstInResponseOrder() {
        StatementReport first = report("2024-07-28", "totalRevenue", 1);
        StatementReport second = report("2024-07-31", "totalRevenue", 2);
        StatementReport other = report("2024-04-28", "totalRevenue", 3);

        List<StatementReport> out = FiscalDates.statements(List.of(first, second, other));

        assertEquals(2, out.size());
        assertEquals(d("2024-07-31"), out.get(0).fiscalDateEnding());
        assertEquals(1.0, out.get(0).metric("totalRevenue"));
        assertEquals(d("2024-04-30"), out.get(1).fiscalDateEnding());

        List<StatementReport> reversed = FiscalDates.statements(List.of(second, first));
        assertEquals(1, reversed.size());
        assertEquals(2.0, reversed.get(0).metric("totalRevenue"));
    }

    @Test
    void monthEndDataIsUnchanged() {
        List<StatementReport> in = List.of(report("2024-06-30", "totalRevenue", 1),
                report("2024-03-31", "totalRevenue", 2));
        assertEquals(in, FiscalDates.statements(in));
    }

    @Test
    void earningsAreNormalizedTooAndKeepTheirReportedDate() {
        EarningsReport a = new EarningsReport(d("2023-10-01"), d("2023-11-20"), "post-market");
        EarningsReport b = new EarningsReport(d("2023-09-30"), d("2023-11-21"), "pre-market");
        EarningsReport c = new EarningsReport(d("2023-07-02"), null, null);

        List<EarningsReport> out = FiscalDates.earnings(List.of(a, b, c));

        assertEquals(List.of(new EarningsReport(d("2023-09-30"), d("2023-11-20"), "post-market"),
                new EarningsReport(d("2023-06-30"), null, null)), out);
    }
}
