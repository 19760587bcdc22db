package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 on the real Alpha Vantage answers (shared fixtures, skipped when absent): every company whose three
 * statements exist in one vintage (IBM's current answers; Apple, Amazon, Microsoft and NVIDIA as fetched in 2024-10),
 * read by the project's parsers, with a constructed price series. As served, no statement value is changed; the
 * annual check finds the years the quarters add up to, and flags those they do not.
 */
class AsServedRealAnswersTest {
    static final Path REAL = RealDataBuildTest.REAL;
    private static final BuildParameters AS_SERVED = BuildParameters.of(LocalDate.of(2005, 1, 1));
    private static final BuildParameters REFERENCE = AS_SERVED.withMode(CleaningMode.REFERENCE);

    /** One company's answers of one vintage. */
    record Company(String ticker, String vintage) {
        String file(AvFunction f) {
            return f.name() + vintage + ".json";
        }
    }

    static final List<Company> COMPANIES = List.of(new Company("IBM", ""), new Company("AAPL", "@2024-10"),
            new Company("AMZN", "@2024-10"), new Company("MSFT", "@2024-10"), new Company("NVDA", "@2024-10"));

    private static Path dir(Company c) {
        Path dir = REAL.resolve(c.ticker());
        Assumptions.assumeTrue(Files.isDirectory(dir), "real fixtures not found at " + REAL.toAbsolutePath());
        return dir;
    }

    static TickerData data(Company c) throws IOException {
        Path dir = dir(c);
        Map<AvFunction, List<StatementReport>> quarterly = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<StatementReport>> annual = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            byte[] body = Files.readAllBytes(dir.resolve(c.file(f)));
            quarterly.put(f, AnswerParsers.parseStatement(f, body));
            annual.put(f, AnswerParsers.parseAnnualStatement(f, body));
        }
        Path earningsFile = dir.resolve("EARNINGS" + c.vintage() + ".json");
        List<EarningsReport> earnings = Files.exists(earningsFile)
                ? AnswerParsers.parseEarnings(Files.readAllBytes(earningsFile))
                : constructedEarnings(quarterly.get(AvFunction.INCOME_STATEMENT));
        return new TickerData(c.ticker(), constructedBars(), List.of(), earnings, quarterly, null, annual);
    }

    /** Each quarter reported 35 days after it ended, after the close (no EARNINGS answer of the vintage exists). */
    private static List<EarningsReport> constructedEarnings(List<StatementReport> income) {
        List<EarningsReport> out = new ArrayList<>();
        for (StatementReport r : income) {
            out.add(new EarningsReport(r.fiscalDateEnding(), r.fiscalDateEnding().plusDays(35), "post-market"));
        }
        return out;
    }

    /** Every weekday 2004-01-01 .. 2026-06-30 at 100 (no real series covers the statements' years). */
    private static List<DailyBar> constructedBars() {
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2004, 1, 1); !d.isAfter(LocalDate.of(2026, 6, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                bars.add(new DailyBar(d, 100, 100, 100, 100, 100, 1e6, 0, 1));
            }
        }
        return bars;
    }

    private static int row(TableRows q, String fiscal) {
        int day = (int) LocalDate.parse(fiscal).toEpochDay();
        int[] dates = q.dates(ArtifactSchema.FISCAL_DATE_ENDING);
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == day) {
                return i;
            }
        }
        throw new AssertionError(fiscal + " is not in the quarterly companion");
    }

    private static List<String> flagged(TableRows q, String fiscal) {
        String v = q.strings(CompanionSchemas.ANNUAL_CHECK)[row(q, fiscal)];
        return v == null ? List.of() : Arrays.asList(v.split(","));
    }

    @Test
    void asServedEveryServedQuarterlyValueReachesTheQuarterlyCompanionUnchanged() throws IOException {
        for (Company c : COMPANIES) {
            TickerData data = data(c);
            TickerResult r = TickerBuild.build(data, AS_SERVED);
            assertTrue(r.facts().dropouts().isEmpty(), c + ": " + r.facts().dropouts());
            assertEquals(List.of(), r.facts().repairs());
            TableRows q = r.companions().quarters();
            int[] fiscal = q.dates(ArtifactSchema.FISCAL_DATE_ENDING);
            int compared = 0;
            for (AvFunction f : AvFunction.STATEMENTS) {
                Map<Integer, StatementReport> served = new LinkedHashMap<>();
                for (StatementReport s : FiscalDates.statements(data.statement(f))) {
                    served.put((int) s.fiscalDateEnding().toEpochDay(), s);
                }
                for (int i = 0; i < fiscal.length; i++) {
                    StatementReport s = served.get(fiscal[i]);
                    assertNotNull(s, c + " " + f + " " + LocalDate.ofEpochDay(fiscal[i]));
                    for (String metric : StatementMetrics.OF_STATEMENT.get(f)) {
                        if (metric.equals(Metrics.SHARES)) {
                            continue; // §3.4: the count is brought to the current basis
                        }
                        assertEquals(Double.doubleToLongBits(s.metric(metric)),
                                Double.doubleToLongBits(q.doubles(metric)[i]),
                                c + " " + metric + " " + LocalDate.ofEpochDay(fiscal[i]));
                        compared++;
                    }
                }
            }
            assertTrue(compared > 1000, c + ": " + compared + " values compared");
        }
    }

    @Test
    void everyFiscalYearWhoseServedQuartersAddUpHasAMatchingTtm() throws IOException {
        StringBuilder tally = new StringBuilder();
        for (Company c : COMPANIES) {
            TickerData data = data(c);
            TickerResult r = TickerBuild.build(data, AS_SERVED);
            TableRows q = r.companions().quarters();
            int[] fiscal = q.dates(ArtifactSchema.FISCAL_DATE_ENDING);
            int yearsAddingUp = 0;
            for (AvFunction f : AnnualCheck.STATEMENTS) {
                for (StatementReport annual : FiscalDates.statements(data.annual(f))) {
                    int k = Arrays.binarySearch(fiscal, (int) annual.fiscalDateEnding().toEpochDay());
                    if (k < 3) {
                        continue;
                    }
                    for (String metric : StatementMetrics.OF_STATEMENT.get(f)) {
                        double[] v = q.doubles(metric);
                        double a = annual.metric(metric);
                        if (Double.isNaN(a) || Double.isNaN(v[k - 3] + v[k - 2] + v[k - 1] + v[k])
                                || !AnnualCheck.matches(a, v[k - 3], v[k - 2], v[k - 1], v[k])) {
                            continue;
                        }
                        yearsAddingUp++;
                        double ttm = q.doubles(Metrics.ttm(metric))[k];
                        assertEquals(v[k - 3] + v[k - 2] + v[k - 1] + v[k], ttm, 0.0,
                                c + " " + metric + " TTM at " + annual.fiscalDateEnding());
                        assertTrue(AnnualCheck.matches(a, ttm, 0, 0, 0) || AnnualCheck.matches(a, v[k - 3], v[k - 2],
                                v[k - 1], v[k]), c + " " + metric);
                    }
                }
            }
            assertTrue(yearsAddingUp > 0, c.toString());
            int[][] counts = counts(r);
            int[][] refCounts = counts(TickerBuild.build(data, REFERENCE));
            tally.append(String.format("%s%s: income statement %d of %d years matched, %d of %d (year, metric) "
                    + "(reference %d of %d, %d of %d); cash flow %d of %d years, %d of %d (reference %d of %d, "
                    + "%d of %d)%n", c.ticker(), c.vintage(), counts[0][1], counts[0][0], counts[0][3], counts[0][2],
                    refCounts[0][1], refCounts[0][0], refCounts[0][3], refCounts[0][2], counts[1][1], counts[1][0],
                    counts[1][3], counts[1][2], refCounts[1][1], refCounts[1][0], refCounts[1][3], refCounts[1][2]));
        }
        System.out.print(tally);
    }

    /** Per checked statement: years checked, years matched, (year, metric) pairs checked, pairs matched. */
    private static int[][] counts(TickerResult r) {
        int[][] counts = new int[2][4];
        for (AnnualCheck.FiscalYear y : r.facts().fiscalYears()) {
            int[] c = counts[AnnualCheck.STATEMENTS.indexOf(y.statement())];
            c[0]++;
            c[1] += y.matched() ? 1 : 0;
            c[2] += y.metricsChecked();
            c[3] += y.metricsChecked() - y.mismatches().size();
        }
        return counts;
    }

    @Test
    void nvidiasTtmRevenueAsServed() throws IOException {
        TickerResult r = TickerBuild.build(data(new Company("NVDA", "@2024-10")), AS_SERVED);
        TableRows q = r.companions().quarters();
        double[] revenue = q.doubles(Metrics.ttm("totalRevenue"));
        double oct2023 = revenue[row(q, "2023-10-31")];
        double jul2024 = revenue[row(q, "2024-07-31")];
        System.out.printf("NVDA TTM revenue as served: %.3f bn at 2023-10-31, %.3f bn at 2024-07-31%n",
                oct2023 / 1e9, jul2024 / 1e9);
        assertEquals(44.870e9, oct2023, 0.0005e9);
        assertEquals(96.307e9, jul2024, 0.0005e9);
        TickerResult reference = TickerBuild.build(data(new Company("NVDA", "@2024-10")), REFERENCE);
        TableRows rq = reference.companions().quarters();
        System.out.printf("NVDA TTM revenue in reference mode: %.3f bn at 2023-10-31, %.3f bn at 2024-07-31%n",
                rq.doubles(Metrics.ttm("totalRevenue"))[row(rq, "2023-10-31")] / 1e9,
                rq.doubles(Metrics.ttm("totalRevenue"))[row(rq, "2024-07-31")] / 1e9);
    }

    /**
     * Apple's annual report of fiscal 2009 was restated (revenue 42.905 bn against 38.874 bn in its four served
     * quarters). The quarters of the continuous run start at 2009-09-30 (the 2024-10 cash flow and balance sheet have
     * no earlier quarter), so §4.1 cannot check fiscal 2009 in the artifact; the same rule on the income statement's
     * own quarters flags it. IBM's 2019 net income adds up; its 2019 revenue does not: the annual report as served
     * (57.714 bn) is restated for the 2021 separation of Kyndryl, the quarters are as first reported (77.146 bn).
     */
    @Test
    void theAnnualCheckOnApplesFiscal2009AndIbms2019() throws IOException {
        TickerData appleData = data(new Company("AAPL", "@2024-10"));
        TableRows apple = TickerBuild.build(appleData, AS_SERVED).companions().quarters();
        assertEquals(LocalDate.of(2009, 9, 30).toEpochDay(), apple.dates(ArtifactSchema.FISCAL_DATE_ENDING)[0],
                "Apple's run starts at fiscal 2009's last quarter");
        assertEquals(null, apple.strings(CompanionSchemas.ANNUAL_CHECK)[0], "no four quarters in the run: unchecked");
        assertFalse(flagged(apple, "2010-09-30").contains("totalRevenue"), "fiscal 2010's revenue adds up");

        List<StatementReport> income = FiscalDates.statements(appleData.statement(AvFunction.INCOME_STATEMENT));
        income.sort(java.util.Comparator.comparing(StatementReport::fiscalDateEnding));
        int[] dates = income.stream().mapToInt(r -> (int) r.fiscalDateEnding().toEpochDay()).toArray();
        double[][] columns = QuarterlyRows.emptyColumns(dates.length);
        for (int i = 0; i < dates.length; i++) {
            for (String m : Metrics.INCOME_STATEMENT) {
                columns[Metrics.ALL.indexOf(m)][i] = income.get(i).metric(m);
            }
        }
        QuarterlyRows incomeOnly = Continuity.apply(new QuarterlyRows(dates, new int[dates.length], columns));
        QuarterChecks checks = QuarterChecks.of(incomeOnly,
                Map.of(AvFunction.INCOME_STATEMENT, appleData.annual(AvFunction.INCOME_STATEMENT)));
        AnnualCheck.FiscalYear fy2009 = checks.fiscalYears().stream()
                .filter(y -> y.fiscalYearEnd().equals(LocalDate.of(2009, 9, 30))).findFirst().orElseThrow();
        AnnualCheck.Mismatch revenue = fy2009.mismatches().stream().filter(m -> m.metric().equals("totalRevenue"))
                .findFirst().orElseThrow();
        assertEquals(42.905e9, revenue.annual(), 1);
        assertEquals(38.874e9, revenue.quarters(), 1);
        assertFalse(fy2009.mismatches().stream().anyMatch(m -> m.metric().equals("netIncome")));

        TickerData ibmData = data(new Company("IBM", ""));
        TickerResult ibmBuild = TickerBuild.build(ibmData, AS_SERVED);
        TableRows ibm = ibmBuild.companions().quarters();
        List<String> ibm2019 = flagged(ibm, "2019-12-31");
        assertFalse(ibm2019.isEmpty(), "IBM's 2019 is checked");
        assertFalse(ibm2019.contains("netIncome"), ibm2019.toString());
        assertFalse(ibm2019.contains(Metrics.CASH_FLOW_NET_INCOME), ibm2019.toString());
        assertTrue(ibm2019.contains("totalRevenue"), ibm2019.toString());
        AnnualCheck.Mismatch ibmRevenue = ibmBuild.facts().fiscalYears().stream()
                .filter(y -> y.fiscalYearEnd().equals(LocalDate.of(2019, 12, 31)))
                .flatMap(y -> y.mismatches().stream()).filter(m -> m.metric().equals("totalRevenue"))
                .findFirst().orElseThrow();
        assertEquals(57.714e9, ibmRevenue.annual(), 1);
        assertEquals(77.146e9, ibmRevenue.quarters(), 1);
        // the value as served: IBM's Q4 2019 net income of 3.670 bn, which the reference's cleaning rewrites
        assertEquals(3.670e9, ibm.doubles("netIncome")[row(ibm, "2019-12-31")], 0.0005e9);
        TableRows reference = TickerBuild.build(ibmData, REFERENCE).companions().quarters();
        assertNotEquals(3.670e9, reference.doubles("netIncome")[row(reference, "2019-12-31")], 0.0005e9);
        assertTrue(flagged(reference, "2019-12-31").contains("netIncome"),
                "the reference's repair breaks the year: " + flagged(reference, "2019-12-31"));
    }
}
