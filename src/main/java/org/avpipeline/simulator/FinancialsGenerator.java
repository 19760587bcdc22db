package org.avpipeline.simulator;

import static org.avpipeline.alphavantage.AvFunction.BALANCE_SHEET;
import static org.avpipeline.alphavantage.AvFunction.CASH_FLOW;
import static org.avpipeline.alphavantage.AvFunction.INCOME_STATEMENT;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.Split;

/**
 * Generates a ticker's quarterly statements and earnings from a simple, internally consistent company model
 * (revenue growing with noise, costs below revenue, a balance sheet that adds up, cash flow from net income), then
 * applies the ticker's {@link Scenario}s.
 */
final class FinancialsGenerator {
    private FinancialsGenerator() {}

    /** Statements start with the first quarter ending on or after this day (about 20 years, like real answers). */
    static final LocalDate STATEMENTS_START = LocalDate.of(2005, 1, 1);
    /** Earnings of long-listed tickers start here. */
    static final LocalDate EARNINGS_START = LocalDate.of(1998, 1, 1);
    /** {@link Scenario#MIXED_SHARE_BASIS}: counts reported before this day are restated to its basis. */
    static final LocalDate MIXED_BASIS_UNTIL = LocalDate.of(2020, 1, 1);
    /** 52/53-week period ends are used before this day. */
    static final LocalDate WEEK_52_53_UNTIL = LocalDate.of(2023, 1, 1);

    /** Fields that are "None" in a ticker's answers with probability 1/2 (rarely reported in real answers). */
    private static final Set<String> SPARSE = Set.of("investmentIncomeNet", "nonInterestIncome",
            "paymentsForOperatingActivities", "proceedsFromOperatingActivities", "proceedsFromRepaymentsOfShortTermDebt",
            "paymentsForRepurchaseOfPreferredStock", "dividendPayoutPreferredStock",
            "proceedsFromIssuanceOfPreferredStock", "proceedsFromSaleOfTreasuryStock", "changeInExchangeRate");
    /** Fields never randomly "None" (the panel's headline numbers). */
    private static final Set<String> PROTECTED = Set.of("totalRevenue", "totalAssets", "operatingCashflow",
            "capitalExpenditures", "commonStockSharesOutstanding", "netIncome", "ebit", "totalShareholderEquity",
            "operatingExpenses", "totalLiabilities", "researchAndDevelopment", "dividendPayout");
    /**
     * The share of tickers whose EARNINGS answer has no {@code reportTime}, as real answers fetched before 2022 (the
     * fixtures' older NVIDIA and Apple answers); the others report mostly after the close (IBM: 100 of 121
     * post-market, 21 pre-market), some companies mostly before the open.
     */
    static final double WITHOUT_REPORT_TIME = 0.15;
    /** The company's ratios, drawn once per ticker. */
    private record CompanyRatios(double growth, double cogs, double rd, double sga, double da, double tax,
            double capex, double assets, double liabilities, double cash, double goodwill, double buyback,
            int typicalLag, double postMarket) {
        static CompanyRatios draw(TickerTraits t, SplittableRandom r) {
            double growth = Math.max(-0.05, t.valueGrowth() + 0.02 * r.nextGaussian());
            double cogs = 0.35 + 0.30 * r.nextDouble();
            double rd = r.nextDouble() < 0.3 ? 0 : 0.02 + 0.13 * r.nextDouble();
            double sga = 0.08 + 0.15 * r.nextDouble();
            double da = 0.03 + 0.04 * r.nextDouble();
            double tax = 0.12 + 0.13 * r.nextDouble();
            double capex = 0.03 + 0.07 * r.nextDouble();
            double assets = 0.8 + 1.7 * r.nextDouble();
            double liabilities = 0.35 + 0.35 * r.nextDouble();
            double cash = 0.06 + 0.14 * r.nextDouble();
            double goodwill = 0.03 + 0.17 * r.nextDouble();
            double buyback = r.nextDouble() < 0.5 ? 0 : 0.01 + 0.03 * r.nextDouble();
            int typicalLag = 22 + r.nextInt(16);
            double postMarket = r.nextDouble() < 0.8 ? 0.9 : 0.2;
            return new CompanyRatios(growth, cogs, rd, sga, da, tax, capex, assets, liabilities, cash, goodwill,
                    buyback, typicalLag, postMarket);
        }
    }

    /** A quarter's period end (and the month end it stands for), whether it ends the fiscal year, its report. */
    private record QuarterDates(LocalDate monthEnd, LocalDate periodEnd, boolean fiscalYearEnd, LocalDate reportedDate,
            String reportTime) {}

    static Financials generate(long seed, TickerTraits t, LocalDate asOf) {
        if (t.has(Scenario.FUND)) {
            Map<AvFunction, List<StatementRow>> empty = new EnumMap<>(AvFunction.class);
            for (AvFunction f : AvFunction.STATEMENTS) {
                empty.put(f, List.of());
            }
            return new Financials(empty, empty, List.of(), List.of());
        }
        SplittableRandom r = Seeds.stream(seed, t.symbol(), "financials");
        List<ModelledQuarter> quarters = model(t, asOf, r);
        List<ModelledQuarter> reported = quarters.subList(firstReported(t, quarters), quarters.size());

        Map<AvFunction, List<StatementRow>> quarterly = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<StatementRow>> annual = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            quarterly.put(f, quarterlyRows(seed, t, f, reported));
            annual.put(f, AnnualReports.annualReports(f, reported, Seeds.stream(seed, t.symbol(), "restated-" + f)));
        }
        List<EarningsRow> earnings = earnings(seed, t, quarters, r);
        ScenarioEdits.apply(t, quarterly, earnings);

        List<Financials.AnnualEps> annualEps = AnnualReports.annualEarnings(quarters);
        for (AvFunction f : AvFunction.STATEMENTS) {
            List<StatementRow> rows = new ArrayList<>(quarterly.get(f));
            Collections.reverse(rows);
            quarterly.put(f, List.copyOf(rows));
        }
        Collections.reverse(earnings);
        return new Financials(quarterly, annual, List.copyOf(earnings), annualEps);
    }

    /** The first quarter the statements report: ending on or after {@link #STATEMENTS_START} or listing − 180 d. */
    private static int firstReported(TickerTraits t, List<ModelledQuarter> quarters) {
        LocalDate statementsStart = t.listingDate().minusDays(180).isAfter(STATEMENTS_START)
                ? t.listingDate().minusDays(180) : STATEMENTS_START;
        int first = 0;
        while (first < quarters.size() && quarters.get(first).periodEnd().isBefore(statementsStart)) {
            first++;
        }
        return first;
    }

    /**
     * One statement's quarterly rows, oldest first, with the answers' gaps: fields always "None" for this ticker
     * ({@link #SPARSE}), runs of missing quarters ({@link MissingRuns}) and sporadic ones (never {@link #PROTECTED}).
     */
    private static List<StatementRow> quarterlyRows(long seed, TickerTraits t, AvFunction f,
            List<ModelledQuarter> reported) {
        List<String> fields = StatementFields.of(f);
        SplittableRandom noise = Seeds.stream(seed, t.symbol(), "none-" + f);
        boolean[] alwaysNone = new boolean[fields.size()];
        for (int j = 0; j < fields.size(); j++) {
            alwaysNone[j] = SPARSE.contains(fields.get(j)) && noise.nextBoolean();
        }
        MissingRuns runs = MissingRuns.draw(Seeds.stream(seed, t.symbol(), "runs-" + f), fields, PROTECTED,
                reported.size());
        List<StatementRow> rows = new ArrayList<>();
        for (int k = 0; k < reported.size(); k++) {
            ModelledQuarter q = reported.get(k);
            double[] v = new double[fields.size()];
            Map<String, Double> m = q.values().get(f);
            for (int j = 0; j < v.length; j++) {
                Double x = m.get(fields.get(j));
                boolean sporadic = !PROTECTED.contains(fields.get(j)) && noise.nextDouble() < 0.01;
                v[j] = x == null || alwaysNone[j] || sporadic || runs.missing(j, k) ? Double.NaN : x;
            }
            rows.add(new StatementRow(q.periodEnd(), v));
        }
        return rows;
    }

    /**
     * Every quarter's earnings row, oldest first. A few tickers answer as EARNINGS did before 2022: no reportTime at
     * all (own stream: nothing else changes).
     */
    private static List<EarningsRow> earnings(long seed, TickerTraits t, List<ModelledQuarter> quarters,
            SplittableRandom r) {
        boolean withoutReportTime = Seeds.stream(seed, t.symbol(), "report-time").nextDouble() < WITHOUT_REPORT_TIME;
        List<EarningsRow> earnings = new ArrayList<>();
        for (ModelledQuarter q : quarters) {
            double est = Numbers.round(q.eps() * (1 + 0.05 * r.nextGaussian()), 2);
            earnings.add(new EarningsRow(q.periodEnd(), q.reportedDate(), q.eps(), est,
                    withoutReportTime ? null : q.reportTime()));
        }
        return earnings;
    }

    /** Every quarter from the first one the ticker reports earnings for up to the last one reported by as-of. */
    private static List<ModelledQuarter> model(TickerTraits t, LocalDate asOf, SplittableRandom r) {
        LocalDate start = t.listingDate().isAfter(EARNINGS_START) ? t.listingDate() : EARNINGS_START;
        if (t.has(Scenario.SHORT_HISTORY)) {
            start = t.listingDate().minusDays(180);
        }
        int fyEndMonth = switch (t.fiscalOffset()) {
            case 1 -> 1;
            case 2 -> 11;
            default -> 12;
        };
        CompanyRatios c = CompanyRatios.draw(t, r);
        List<ModelledQuarter> out = new ArrayList<>();
        LocalDate monthEnd = firstQuarterEnd(start, t.fiscalOffset());
        Map<String, Double> previousBalance = null;
        for (int k = 0; ; k++, monthEnd = monthEnd.plusMonths(3).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            QuarterDates d = dates(t, asOf, r, c, monthEnd, fyEndMonth, k);
            if (d == null) {
                break;
            }
            ModelledQuarter q = quarter(t, asOf, r, c, d, previousBalance);
            previousBalance = q.values().get(BALANCE_SHEET);
            out.add(q);
        }
        return out;
    }

    /** The quarter's period end and report; null when it is reported after as-of (or on or after a late split). */
    private static QuarterDates dates(TickerTraits t, LocalDate asOf, SplittableRandom r, CompanyRatios c,
            LocalDate monthEnd, int fyEndMonth, int k) {
        boolean fyEnd = monthEnd.getMonthValue() == fyEndMonth;
        LocalDate periodEnd = monthEnd;
        if (t.has(Scenario.WEEK_52_53) && monthEnd.isBefore(WEEK_52_53_UNTIL)) {
            periodEnd = nearestSunday(monthEnd);
        }
        int lag = Math.max(15, Math.min(58, c.typicalLag() + r.nextInt(-5, 9) + (fyEnd ? 12 : 0)));
        LocalDate reportedDate = reportDay(periodEnd, periodEnd.plusDays(lag),
                t.has(Scenario.WEEKEND_REPORTS) && k % 5 == 2);
        if (reportedDate.isAfter(asOf) || (t.lateSplit() != null && !reportedDate.isBefore(t.lateSplit()))) {
            return null;
        }
        String time = r.nextDouble() < c.postMarket() ? "post-market" : "pre-market";
        return new QuarterDates(monthEnd, periodEnd, fyEnd, reportedDate, time);
    }

    /** The quarter's revenue, share count and three statements, each following from the one before. */
    private static ModelledQuarter quarter(TickerTraits t, LocalDate asOf, SplittableRandom r, CompanyRatios c,
            QuarterDates d, Map<String, Double> previousBalance) {
        double years = ChronoUnit.DAYS.between(t.anchorDate(), d.monthEnd()) / 365.25;
        double revenue = t.quarterlyRevenue() * Math.exp(c.growth() * years) * (d.fiscalYearEnd() ? 1.08 : 1.0)
                * (1 + 0.03 * r.nextGaussian());
        double splitFactor = shareBasisFactor(t, d.reportedDate(), asOf);
        double shares = Math.round(t.baseShares() * Math.exp(-c.buyback() * years) * (1 + 0.002 * r.nextGaussian())
                * splitFactor / 1000.0) * 1000.0;

        Map<String, Double> bs = QuarterStatements.balance(r, revenue, c.cogs(), c.assets(), c.liabilities(), c.cash(),
                c.goodwill(), shares);
        Map<String, Double> is = QuarterStatements.income(r, revenue, c.cogs(), c.rd(), c.sga(), c.da(), c.tax(), bs);
        boolean paysDividends = t.dividendYield() > 0 && d.monthEnd().getYear() >= t.dividendStartYear();
        Map<String, Double> cf = QuarterStatements.cashFlow(r, revenue, c.capex(), c.buyback(), paysDividends, is, bs,
                previousBalance);

        double eps = Numbers.round(is.get("netIncome") / shares, 2);
        Map<AvFunction, Map<String, Double>> values = new EnumMap<>(AvFunction.class);
        values.put(INCOME_STATEMENT, is);
        values.put(BALANCE_SHEET, bs);
        values.put(CASH_FLOW, cf);
        return new ModelledQuarter(d.periodEnd(), d.fiscalYearEnd(), d.reportedDate(), d.reportTime(), values, eps);
    }

    /**
     * The product of the splits a quarter's count includes: every split up to the as-of date (restated to today's
     * basis, the default), up to its report date ({@link Scenario#AS_REPORTED_SHARES}), or up to
     * {@link #MIXED_BASIS_UNTIL} for reports before it and up to the report date after ({@link
     * Scenario#MIXED_SHARE_BASIS}).
     */
    static double shareBasisFactor(TickerTraits t, LocalDate reportedDate, LocalDate asOf) {
        LocalDate basis = asOf;
        if (t.has(Scenario.AS_REPORTED_SHARES)) {
            basis = reportedDate;
        } else if (t.has(Scenario.MIXED_SHARE_BASIS)) {
            basis = reportedDate.isBefore(MIXED_BASIS_UNTIL) ? MIXED_BASIS_UNTIL : reportedDate;
        }
        double factor = 1;
        for (Split s : t.splits()) {
            if (!s.effectiveDate().isAfter(basis) && !s.effectiveDate().isAfter(asOf)) {
                factor *= s.factor();
            }
        }
        return factor;
    }

    private static LocalDate firstQuarterEnd(LocalDate from, int fiscalOffset) {
        LocalDate d = from.withDayOfMonth(from.lengthOfMonth());
        while (d.getMonthValue() % 3 != fiscalOffset) {
            d = d.plusMonths(1);
            d = d.withDayOfMonth(d.lengthOfMonth());
        }
        return d;
    }

    /** The Sunday within three days of a month end (a 52/53-week fiscal period end, e.g. 2022-05-01, 2024-07-28). */
    static LocalDate nearestSunday(LocalDate monthEnd) {
        for (int delta = -3; delta <= 3; delta++) {
            LocalDate d = monthEnd.plusDays(delta);
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return d;
            }
        }
        throw new AssertionError("no Sunday within three days of " + monthEnd);
    }

    /**
     * A report day 15–60 days after the period end: the next trading day on or after {@code target}, or, when
     * {@code offDay} is set, the nearest weekend day or holiday.
     */
    private static LocalDate reportDay(LocalDate periodEnd, LocalDate target, boolean offDay) {
        if (offDay) {
            for (int delta = 0; delta <= 4; delta++) {
                for (int sign : new int[] {1, -1}) {
                    LocalDate d = target.plusDays(sign * delta);
                    long lag = ChronoUnit.DAYS.between(periodEnd, d);
                    if (!TradingCalendar.isTradingDay(d) && lag >= 15 && lag <= 60) {
                        return d;
                    }
                }
            }
        }
        LocalDate d = TradingCalendar.onOrAfter(target);
        return ChronoUnit.DAYS.between(periodEnd, d) <= 60 ? d : TradingCalendar.onOrBefore(target);
    }
}
