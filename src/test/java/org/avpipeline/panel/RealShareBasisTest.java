package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * §3.4 and §7 on real Alpha Vantage answers (shared fixtures, skipped when absent): NVDA's statements served restated
 * (the 2025 snapshot) and as reported (the 2024-10 snapshot) must give the same market caps; AAPL's as-reported
 * snapshot must give a market cap that is continuous across its 2014 and 2020 splits.
 *
 * <p>No real daily series with splits exists in the fixtures, so each test builds one: a constant value per
 * current-basis share, quoted on each day's own basis (divided by the splits still to come), on the real split dates.
 * The only real EARNINGS answers end in 2021 ({@code EARNINGS@2021-11.json}): later quarters have no report date, so
 * they take no part in the §3.4 test and never become available in the panel (§8); a split after 2021 is untested and
 * inherits the basis of the nearest tested split.
 */
class RealShareBasisTest {
    private static final Path REAL = RealDataBuildTest.REAL;
    /** NVIDIA's splits (NVIDIA investor relations; the 2001 one took effect 2001-09-17, after the market closure). */
    static final List<Split> NVDA_SPLITS = List.of(new Split(LocalDate.of(2000, 6, 27), 2),
            new Split(LocalDate.of(2001, 9, 17), 2), new Split(LocalDate.of(2006, 4, 7), 2),
            new Split(LocalDate.of(2007, 9, 11), 1.5), new Split(LocalDate.of(2021, 7, 20), 4),
            new Split(LocalDate.of(2024, 6, 10), 10));
    static final List<Split> AAPL_SPLITS = List.of(new Split(LocalDate.of(2000, 6, 21), 2),
            new Split(LocalDate.of(2005, 2, 28), 2), new Split(LocalDate.of(2014, 6, 9), 7),
            new Split(LocalDate.of(2020, 8, 31), 4));
    private static final LocalDate LAST_DAY = LocalDate.of(2024, 9, 30);
    private static final LocalDate YEAR_END_2020 = LocalDate.of(2020, 12, 31);

    /** Weekdays 2004-01-01 .. 2024-09-30 quoted so that 2020-12-31 closes at {@code close2020}. */
    private static List<DailyBar> prices(List<Split> splits, double close2020) {
        double after2020 = 1;
        for (Split s : splits) {
            if (s.effectiveDate().isAfter(YEAR_END_2020)) {
                after2020 *= s.factor();
            }
        }
        double perCurrentShare = close2020 / after2020;
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2004, 1, 1); !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double later = 1;
            double coefficient = 1;
            for (Split s : splits) {
                if (s.effectiveDate().isAfter(d)) {
                    later *= s.factor();
                } else if (s.effectiveDate().equals(d)) {
                    coefficient = s.factor();
                }
            }
            double close = perCurrentShare * later;
            bars.add(new DailyBar(d, close, close, close, close, perCurrentShare, 1e6, 0, coefficient));
        }
        return bars;
    }

    static TickerResult build(String ticker, String balanceSheet, List<Split> splits, double close2020)
            throws IOException {
        Path dir = REAL.resolve(ticker);
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(balanceSheet)),
                "real fixtures not found at " + REAL.toAbsolutePath());
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        // the newest income statement where there is one; the cash flow exists only as of 2024-10 (its values do not
        // enter market cap)
        Path income = Files.isRegularFile(dir.resolve("INCOME_STATEMENT.json")) && !balanceSheet.contains("@")
                ? dir.resolve("INCOME_STATEMENT.json") : dir.resolve("INCOME_STATEMENT@2024-10.json");
        statements.put(AvFunction.INCOME_STATEMENT, RealDataBuildTest.statement(income, false));
        statements.put(AvFunction.BALANCE_SHEET, RealDataBuildTest.statement(dir.resolve(balanceSheet), false));
        statements.put(AvFunction.CASH_FLOW, RealDataBuildTest.statement(dir.resolve("CASH_FLOW@2024-10.json"), true));
        TickerData data = new TickerData(ticker, prices(splits, close2020), splits,
                RealDataBuildTest.earnings(dir.resolve("EARNINGS@2021-11.json")), statements);
        TickerResult result = TickerBuild.build(data, BuildParameters.of(LocalDate.of(2004, 12, 31)));
        assertTrue(result.facts().hasUsableStatements(), result.facts().dropouts().toString());
        assertNotNull(result.panel());
        return result;
    }

    private static double on(TickerResult r, String column, LocalDate day) {
        TickerPanel p = r.panel();
        int row = Arrays.binarySearch(p.dates(ArtifactSchema.DATE), (int) day.toEpochDay());
        assertTrue(row >= 0, "no row " + day);
        return p.doubles(column)[row];
    }

    private static ShareBasis.SplitBasis split(TickerResult r, String date) {
        return r.facts().splitBases().stream().filter(s -> s.date().equals(LocalDate.parse(date))).findFirst()
                .orElseThrow();
    }

    @Test
    void nvdaRestatedAndAsReportedGiveTheSameMarketCap() throws IOException {
        TickerResult restated = build("NVDA", "BALANCE_SHEET.json", NVDA_SPLITS, 522.20);
        TickerResult asReported = build("NVDA", "BALANCE_SHEET@2024-10.json", NVDA_SPLITS, 522.20);

        assertEquals(ShareBasis.Basis.RESTATED, split(restated, "2021-07-20").basis());
        assertEquals(ShareBasis.Evidence.TESTED, split(restated, "2021-07-20").evidence());
        assertEquals(ShareBasis.TickerBasis.RESTATED, restated.facts().shareBasis());
        ShareBasis.SplitBasis fourForOne = split(asReported, "2021-07-20");
        assertEquals(ShareBasis.Basis.AS_REPORTED, fourForOne.basis());
        assertEquals(2493.0 / 621, fourForOne.ratio(), 1e-9);
        assertEquals(ShareBasis.TickerBasis.AS_REPORTED, asReported.facts().shareBasis());
        // the 10:1 of 2024 follows the last quarter with a report date (2021-10): untested, inherits
        assertEquals(ShareBasis.Evidence.INHERITED, split(asReported, "2024-06-10").evidence());
        assertEquals(ShareBasis.Basis.AS_REPORTED, split(asReported, "2024-06-10").basis());
        assertEquals(ShareBasis.Basis.RESTATED, split(restated, "2024-06-10").basis());

        double a = on(restated, "market_cap", YEAR_END_2020);
        double b = on(asReported, "market_cap", YEAR_END_2020);
        System.out.printf("NVDA market cap 2020-12-31: restated snapshot %.0f, as-reported snapshot %.0f%n", a, b);
        // NVIDIA was worth about 323 billion USD at the end of 2020 (522.20 × ~618 million shares)
        assertTrue(a > 300_000 && a < 345_000, "restated: " + a);
        assertTrue(b > 300_000 && b < 345_000, "as reported: " + b);
        assertEquals(1.0 / 40, on(restated, "post_filing_split_multiplier", YEAR_END_2020), 1e-12);

        // every day both cover, from the as-reported snapshot's first report to the last price day: the two
        // snapshots' counts differ by a few percent (and by up to 21 % in 2016-2017, when the 2025 snapshot counts
        // 25-26e9 current-basis shares against 538e6 × 40 = 21.5e9 as reported then: a difference of the data, not of
        // the basis); without §3.4 they would differ by the factor 40 of the later splits
        int[] days = asReported.panel().dates(ArtifactSchema.DATE);
        List<Double> differences = new ArrayList<>();
        for (int day : days) {
            double x = on(restated, "market_cap", LocalDate.ofEpochDay(day));
            double y = on(asReported, "market_cap", LocalDate.ofEpochDay(day));
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                differences.add(Math.abs(Math.log(x / y)));
            }
        }
        differences.sort(null);
        int n = differences.size();
        double median = differences.get(n / 2);
        double p80 = differences.get(n * 8 / 10);
        double worst = differences.get(n - 1);
        System.out.printf("NVDA %d days both cover: median difference %.2f %%, 80th percentile %.2f %%, largest %.1f %%%n",
                n, 100 * Math.expm1(median), 100 * Math.expm1(p80), 100 * Math.expm1(worst));
        assertTrue(n > 3000, n + " days compared");
        assertTrue(median < Math.log(1.03), "median difference " + Math.expm1(median));
        assertTrue(p80 < Math.log(1.05), "80th percentile " + Math.expm1(p80));
        assertTrue(worst < Math.log(1.25), "largest difference " + Math.expm1(worst));
        // continuous across the splits on both bases
        assertContinuous(asReported, "market_cap", LocalDate.of(2021, 7, 19), LocalDate.of(2021, 7, 20));
        assertContinuous(asReported, "market_cap", LocalDate.of(2024, 6, 7), LocalDate.of(2024, 6, 10));
        assertContinuous(restated, "market_cap", LocalDate.of(2021, 7, 19), LocalDate.of(2021, 7, 20));
    }

    @Test
    void aaplAsReportedIsContinuousAcrossItsSplits() throws IOException {
        TickerResult r = build("AAPL", "BALANCE_SHEET@2024-10.json", AAPL_SPLITS, 132.69);
        ShareBasis.SplitBasis sevenForOne = split(r, "2014-06-09");
        assertEquals(ShareBasis.Basis.AS_REPORTED, sevenForOne.basis());
        assertEquals(ShareBasis.Evidence.TESTED, sevenForOne.evidence());
        assertEquals(5989171000.0 / 861745000, sevenForOne.ratio(), 1e-9);
        ShareBasis.SplitBasis fourForOne = split(r, "2020-08-31");
        assertEquals(ShareBasis.Basis.AS_REPORTED, fourForOne.basis());
        assertEquals(LocalDate.of(2020, 6, 30), fourForOne.before());
        assertEquals(LocalDate.of(2020, 9, 30), fourForOne.after());
        assertEquals(ShareBasis.Evidence.INHERITED, split(r, "2005-02-28").evidence());

        assertContinuous(r, "market_cap", LocalDate.of(2014, 6, 6), LocalDate.of(2014, 6, 9));
        assertContinuous(r, "market_cap", LocalDate.of(2020, 8, 28), LocalDate.of(2020, 8, 31));
        // the pre-split counts are on the current basis: 4,284e6 × 4 before the 2020 split
        assertEquals(4283939000.0 * 4, on(r, Metrics.SHARES, LocalDate.of(2020, 8, 28)));
        assertEquals(4283939000.0, on(r, "effective_shares_outstanding", LocalDate.of(2020, 8, 28)), 1e-3);
        double cap = on(r, "market_cap", YEAR_END_2020);
        System.out.printf("AAPL market cap 2020-12-31 (as-reported snapshot): %.0f%n", cap);
        // Apple was worth about 2.25 trillion USD at the end of 2020 (132.69 × ~17 billion shares)
        assertTrue(cap > 2_000_000 && cap < 2_500_000, "market cap " + cap);
    }

    /** Market cap changes by less than 5 % from one day to the next (the constructed value per share is constant). */
    private static void assertContinuous(TickerResult r, String column, LocalDate before, LocalDate after) {
        double x = on(r, column, before);
        double y = on(r, column, after);
        assertTrue(Math.abs(Math.log(y / x)) < Math.log(1.05), column + " " + before + " " + x + " -> " + after + " "
                + y);
    }
}
