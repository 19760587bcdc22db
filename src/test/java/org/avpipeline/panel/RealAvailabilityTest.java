package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * pipeline.md §8.2 and §9 on real answers (shared fixtures, skipped when absent): when IBM's quarters (real EARNINGS
 * with reportTime, real statements and prices to 2021-03) first appear in the panel, its split-adjusted close and
 * enterprise value; NVIDIA's and Apple's older EARNINGS answers, which have no reportTime, on constructed prices.
 */
class RealAvailabilityTest {
    private static final Path IBM = RealDataBuildTest.REAL.resolve("IBM");

    private record Ibm(TickerData data, TickerResult result) {}

    private static Ibm ibm() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(IBM), "real fixtures not found at "
                + RealDataBuildTest.REAL.toAbsolutePath());
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        statements.put(AvFunction.INCOME_STATEMENT,
                RealDataBuildTest.statement(IBM.resolve("INCOME_STATEMENT.json"), false));
        statements.put(AvFunction.BALANCE_SHEET, RealDataBuildTest.statement(IBM.resolve("BALANCE_SHEET.json"), false));
        statements.put(AvFunction.CASH_FLOW, RealDataBuildTest.statement(IBM.resolve("CASH_FLOW.json"), true));
        TickerData data = new TickerData("IBM",
                RealDataBuildTest.bars(IBM.resolve("TIME_SERIES_DAILY_ADJUSTED@2021-03.full.json")),
                List.of(new Split(LocalDate.of(2021, 11, 4), 1.046), new Split(LocalDate.of(1999, 5, 27), 2)),
                RealDataBuildTest.earnings(IBM.resolve("EARNINGS.json")), statements);
        return new Ibm(data, TickerBuild.build(data, BuildParameters.of(LocalDate.of(2005, 1, 1))));
    }

    /** The first panel day of each fiscal quarter (epoch days), by fiscalDateEnding. */
    private static Map<Integer, Integer> firstDays(TickerPanel p) {
        Map<Integer, Integer> first = new HashMap<>();
        int[] fiscal = p.dates(ArtifactSchema.FISCAL_DATE_ENDING);
        for (int r = 0; r < p.rows(); r++) {
            if (fiscal[r] != TickerPanel.NO_DATE) {
                first.putIfAbsent(fiscal[r], p.dates(ArtifactSchema.DATE)[r]);
            }
        }
        return first;
    }

    /** The first price day strictly after {@code day} ({@code or on it} when {@code orOn}), or none. */
    private static int priceDay(int[] days, int day, boolean orOn) {
        int row = DailyPanel.lowerBound(days, orOn ? day : day + 1);
        return row < days.length ? days[row] : TickerPanel.NO_DATE;
    }

    @Test
    void ibmsQuartersAppearTheDayAfterAPostMarketReportAndOnTheDayOfAPreMarketOne() throws IOException {
        Ibm ibm = ibm();
        TickerPanel p = ibm.result().panel();
        int[] priceDays = DailyPanel.epochDays(ibm.data().bars());
        int firstKept = p.dates(ArtifactSchema.DATE)[0];
        Map<Integer, Integer> first = firstDays(p);
        Map<LocalDate, EarningsReport> earnings = new HashMap<>();
        ibm.data().earnings().forEach(e -> earnings.putIfAbsent(e.fiscalDateEnding(), e));
        int post = 0;
        int pre = 0;
        int moved = 0;
        for (Map.Entry<Integer, Integer> q : first.entrySet()) {
            EarningsReport e = earnings.get(LocalDate.ofEpochDay(q.getKey()));
            int reported = (int) e.reportedDate().toEpochDay();
            if (reported < firstKept) {
                continue; // shown from the first kept day on, whatever its rule
            }
            boolean preMarket = e.reportTime().equals("pre-market");
            assertTrue(preMarket || e.reportTime().equals("post-market"), e.toString());
            assertEquals(priceDay(priceDays, reported, preMarket), q.getValue(), e.toString());
            assertTrue(preMarket ? q.getValue() >= reported : q.getValue() > reported, e.toString());
            post += preMarket ? 0 : 1;
            pre += preMarket ? 1 : 0;
            moved += q.getValue() != priceDay(priceDays, reported, true) ? 1 : 0;
        }
        System.out.printf("IBM (prices to 2021-03, from 2005): %d quarters appear in the panel, %d post-market, "
                + "%d pre-market; %d moved by a price day against the report day's rule%n", post + pre, post, pre, moved);
        assertEquals(58, post, "post-market quarters reported from 2005 to 2021-03");
        assertEquals(2, pre, "pre-market ones");
        assertEquals(post, moved, "every post-market report is on a trading day, so every one moved");
    }

    @Test
    void ibmsSplitAdjustedCloseIsItsCloseAndEnterpriseValueIsBuiltFromIt() throws IOException {
        Ibm ibm = ibm();
        TickerPanel p = ibm.result().panel();
        List<DailyBar> bars = ibm.data().bars();
        int offset = bars.size() - p.rows();
        double[] splitAdjusted = p.doubles(ArtifactSchema.SPLIT_ADJUSTED_CLOSE);
        for (int r = 0; r < p.rows(); r++) {
            // no split between 2005 and 2021-03 counts: the 1.046 of 2021-11 is after the last price day
            assertEquals(bars.get(offset + r).close(), splitAdjusted[r], 0.0, bars.get(offset + r).date().toString());
        }
        int row = java.util.Arrays.binarySearch(p.dates(ArtifactSchema.DATE),
                (int) LocalDate.of(2010, 1, 4).toEpochDay());
        double close = splitAdjusted[row];
        double netDebt = p.doubles("shortLongTermDebtTotal_per_share")[row]
                + DerivedMetrics.c(p.doubles("capitalLeaseObligations_per_share")[row])
                - p.doubles("cashAndShortTermInvestments_per_share")[row]
                - DerivedMetrics.c(p.doubles("longTermInvestments_per_share")[row]);
        double ev = p.doubles("enterprise_value_per_share")[row];
        System.out.printf("IBM 2010-01-04: close %.2f, adjusted_close %.2f, net debt per share %.2f, "
                + "enterprise value per share %.2f (from adjusted_close it would be %.2f)%n", close,
                p.doubles("adjusted_close")[row], netDebt, ev, p.doubles("adjusted_close")[row] + netDebt);
        assertEquals(132.45, close, 0.0);
        assertEquals(close + netDebt, ev, 1e-9);
        assertEquals(144.36, ev, 0.01);
        assertEquals(104.43, p.doubles("adjusted_close")[row] + netDebt, 0.01, "the reference's value");
    }

    @Test
    void nvdaSplitAdjustedCloseTimesCurrentBasisSharesIsTheMarketCap() throws IOException {
        TickerResult r = RealShareBasisTest.build("NVDA", "BALANCE_SHEET.json", RealShareBasisTest.NVDA_SPLITS, 522.20);
        TickerPanel p = r.panel();
        double[] price = p.doubles(ArtifactSchema.SPLIT_ADJUSTED_CLOSE);
        double[] shares = p.doubles(Metrics.SHARES);
        double[] cap = p.doubles("market_cap");
        int compared = 0;
        for (int row = 0; row < p.rows(); row++) {
            if (!Double.isNaN(cap[row])) {
                assertEquals(cap[row] * 1e6, price[row] * shares[row], 1e-9 * cap[row] * 1e6,
                        LocalDate.ofEpochDay(p.dates(ArtifactSchema.DATE)[row]).toString());
                compared++;
            }
        }
        assertTrue(compared > 3000, compared + " days");
        // constant per current-basis share: 522.20 / 40 on every day, across the 4:1 of 2021 and the 10:1 of 2024
        for (int row = 0; row < p.rows(); row++) {
            assertEquals(522.20 / 40, price[row], 1e-9);
        }
    }

    @Test
    void nvdaAndAaplOlderAnswersWithoutReportTimeAppearOnThePriceDayAfterTheReport() throws IOException {
        for (String[] t : new String[][] {{"NVDA", "BALANCE_SHEET.json"}, {"AAPL", "BALANCE_SHEET@2024-10.json"}}) {
            List<Split> splits = t[0].equals("NVDA") ? RealShareBasisTest.NVDA_SPLITS : RealShareBasisTest.AAPL_SPLITS;
            TickerResult r = RealShareBasisTest.build(t[0], t[1], splits, t[0].equals("NVDA") ? 522.20 : 132.69);
            List<EarningsReport> earnings = RealDataBuildTest.earnings(
                    RealDataBuildTest.REAL.resolve(t[0]).resolve("EARNINGS@2021-11.json"));
            assertTrue(earnings.stream().allMatch(e -> e.reportTime() == null), "an answer without reportTime");
            Map<LocalDate, LocalDate> reported = new HashMap<>();
            earnings.forEach(e -> reported.putIfAbsent(FiscalDates.normalize(e.fiscalDateEnding()), e.reportedDate()));
            TickerPanel p = r.panel();
            int[] days = p.dates(ArtifactSchema.DATE);
            int checked = 0;
            for (Map.Entry<Integer, Integer> q : firstDays(p).entrySet()) {
                int day = (int) reported.get(LocalDate.ofEpochDay(q.getKey())).toEpochDay();
                if (day < days[0]) {
                    continue;
                }
                int reportRow = java.util.Arrays.binarySearch(days, day);
                assertTrue(reportRow >= 0, t[0] + " reported on a trading day " + LocalDate.ofEpochDay(day));
                assertEquals(days[reportRow + 1], q.getValue(), t[0] + " " + LocalDate.ofEpochDay(q.getKey()));
                checked++;
            }
            System.out.printf("%s (EARNINGS of 2021-11, no reportTime): %d quarters, each a price day later%n", t[0],
                    checked);
            assertTrue(checked >= 40, t[0] + ": " + checked);
        }
    }
}
