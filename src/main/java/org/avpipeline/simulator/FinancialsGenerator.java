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
import java.util.HashMap;
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
    /** One modelled quarter before it is written into answers. */
    private record Quarter(LocalDate periodEnd, boolean fiscalYearEnd, LocalDate reportedDate, String reportTime,
            Map<AvFunction, Map<String, Double>> values, double eps) {}

    static Financials generate(long seed, TickerTraits t, LocalDate asOf) {
        if (t.has(Scenario.FUND)) {
            Map<AvFunction, List<StatementRow>> empty = new EnumMap<>(AvFunction.class);
            for (AvFunction f : AvFunction.STATEMENTS) {
                empty.put(f, List.of());
            }
            return new Financials(empty, empty, List.of(), List.of());
        }
        SplittableRandom r = Seeds.stream(seed, t.symbol(), "financials");
        List<Quarter> quarters = model(t, asOf, r);

        LocalDate statementsStart = t.listingDate().minusDays(180).isAfter(STATEMENTS_START)
                ? t.listingDate().minusDays(180) : STATEMENTS_START;
        int first = 0;
        while (first < quarters.size() && quarters.get(first).periodEnd().isBefore(statementsStart)) {
            first++;
        }
        List<Quarter> reported = quarters.subList(first, quarters.size());

        Map<AvFunction, List<StatementRow>> quarterly = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<StatementRow>> annual = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
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
                Quarter q = reported.get(k);
                double[] v = new double[fields.size()];
                Map<String, Double> m = q.values().get(f);
                for (int j = 0; j < v.length; j++) {
                    Double x = m.get(fields.get(j));
                    boolean sporadic = !PROTECTED.contains(fields.get(j)) && noise.nextDouble() < 0.01;
                    v[j] = x == null || alwaysNone[j] || sporadic || runs.missing(j, k) ? Double.NaN : x;
                }
                rows.add(new StatementRow(q.periodEnd(), v));
            }
            quarterly.put(f, rows);
            annual.put(f, annualReports(f, reported, Seeds.stream(seed, t.symbol(), "restated-" + f)));
        }
        // a few tickers answer as EARNINGS did before 2022: no reportTime at all (own stream: nothing else changes)
        boolean withoutReportTime = Seeds.stream(seed, t.symbol(), "report-time").nextDouble() < WITHOUT_REPORT_TIME;
        List<EarningsRow> earnings = new ArrayList<>();
        for (Quarter q : quarters) {
            double est = Numbers.round(q.eps() * (1 + 0.05 * r.nextGaussian()), 2);
            earnings.add(new EarningsRow(q.periodEnd(), q.reportedDate(), q.eps(), est,
                    withoutReportTime ? null : q.reportTime()));
        }
        ScenarioEdits.apply(t, quarterly, earnings);

        List<Financials.AnnualEps> annualEps = annualEarnings(quarters);
        for (AvFunction f : AvFunction.STATEMENTS) {
            List<StatementRow> rows = new ArrayList<>(quarterly.get(f));
            Collections.reverse(rows);
            quarterly.put(f, List.copyOf(rows));
        }
        Collections.reverse(earnings);
        return new Financials(quarterly, annual, List.copyOf(earnings), annualEps);
    }

    /** Every quarter from the first one the ticker reports earnings for up to the last one reported by as-of. */
    private static List<Quarter> model(TickerTraits t, LocalDate asOf, SplittableRandom r) {
        LocalDate start = t.listingDate().isAfter(EARNINGS_START) ? t.listingDate() : EARNINGS_START;
        if (t.has(Scenario.SHORT_HISTORY)) {
            start = t.listingDate().minusDays(180);
        }
        int fyEndMonth = switch (t.fiscalOffset()) {
            case 1 -> 1;
            case 2 -> 11;
            default -> 12;
        };
        // Company ratios.
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

        List<Quarter> out = new ArrayList<>();
        LocalDate monthEnd = firstQuarterEnd(start, t.fiscalOffset());
        Map<String, Double> previousBalance = null;
        for (int k = 0; ; k++, monthEnd = monthEnd.plusMonths(3).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            boolean fyEnd = monthEnd.getMonthValue() == fyEndMonth;
            LocalDate periodEnd = monthEnd;
            if (t.has(Scenario.WEEK_52_53) && monthEnd.isBefore(WEEK_52_53_UNTIL)) {
                periodEnd = nearestSunday(monthEnd);
            }
            int lag = Math.max(15, Math.min(58, typicalLag + r.nextInt(-5, 9) + (fyEnd ? 12 : 0)));
            LocalDate reportedDate = reportDay(periodEnd, periodEnd.plusDays(lag),
                    t.has(Scenario.WEEKEND_REPORTS) && k % 5 == 2);
            if (reportedDate.isAfter(asOf) || (t.lateSplit() != null && !reportedDate.isBefore(t.lateSplit()))) {
                break;
            }
            String time = r.nextDouble() < postMarket ? "post-market" : "pre-market";

            double years = ChronoUnit.DAYS.between(t.anchorDate(), monthEnd) / 365.25;
            double revenue = t.quarterlyRevenue() * Math.exp(growth * years) * (fyEnd ? 1.08 : 1.0)
                    * (1 + 0.03 * r.nextGaussian());
            double splitFactor = shareBasisFactor(t, reportedDate, asOf);
            double shares = Math.round(t.baseShares() * Math.exp(-buyback * years) * (1 + 0.002 * r.nextGaussian())
                    * splitFactor / 1000.0) * 1000.0;

            Map<String, Double> bs = balance(r, revenue, cogs, assets, liabilities, cash, goodwill, shares);
            Map<String, Double> is = income(r, revenue, cogs, rd, sga, da, tax, bs);
            boolean paysDividends = t.dividendYield() > 0 && monthEnd.getYear() >= t.dividendStartYear();
            Map<String, Double> cf = cashFlow(r, revenue, capex, buyback, paysDividends, is, bs, previousBalance);
            previousBalance = bs;

            double eps = Numbers.round(is.get("netIncome") / shares, 2);
            Map<AvFunction, Map<String, Double>> values = new EnumMap<>(AvFunction.class);
            values.put(INCOME_STATEMENT, is);
            values.put(BALANCE_SHEET, bs);
            values.put(CASH_FLOW, cf);
            out.add(new Quarter(periodEnd, fyEnd, reportedDate, time, values, eps));
        }
        return out;
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

    private static Map<String, Double> balance(SplittableRandom r, double revenue, double cogs, double assetsRatio,
            double liabilitiesShare, double cashShare, double goodwillShare, double shares) {
        Map<String, Double> b = new HashMap<>();
        double ta = 4 * revenue * assetsRatio * (1 + 0.02 * r.nextGaussian());
        double cash = ta * cashShare * (1 + 0.05 * r.nextGaussian());
        double sti = ta * 0.04 * (1 + 0.1 * r.nextGaussian());
        double receivables = revenue * 0.6 * (1 + 0.05 * r.nextGaussian());
        double inventory = revenue * cogs * 0.5 * (1 + 0.05 * r.nextGaussian());
        double otherCa = ta * 0.02;
        double tca = cash + sti + receivables + inventory + otherCa;
        double goodwill = ta * goodwillShare;
        double intangEx = ta * 0.03;
        double lti = ta * 0.05;
        double otherNca = ta * 0.03;
        double tnca = ta - tca;
        double ppe = tnca - goodwill - intangEx - lti - otherNca;
        b.put("totalAssets", ta);
        b.put("totalCurrentAssets", tca);
        b.put("cashAndCashEquivalentsAtCarryingValue", cash);
        b.put("cashAndShortTermInvestments", cash + sti);
        b.put("inventory", inventory);
        b.put("currentNetReceivables", receivables);
        b.put("totalNonCurrentAssets", tnca);
        b.put("propertyPlantEquipment", ppe);
        b.put("accumulatedDepreciationAmortizationPPE", ppe * 0.6);
        b.put("intangibleAssets", goodwill + intangEx);
        b.put("intangibleAssetsExcludingGoodwill", intangEx);
        b.put("goodwill", goodwill);
        b.put("investments", lti + sti);
        b.put("longTermInvestments", lti);
        b.put("shortTermInvestments", sti);
        b.put("otherCurrentAssets", otherCa);
        b.put("otherNonCurrentAssets", otherNca);
        double tl = ta * liabilitiesShare * (1 + 0.02 * r.nextGaussian());
        double payable = revenue * cogs * 0.4;
        double deferred = revenue * 0.1;
        double std = ta * 0.02;
        double cltd = ta * 0.015;
        double otherCl = ta * 0.03;
        double tcl = payable + deferred + std + cltd + otherCl;
        double tncl = tl - tcl;
        double lease = ta * 0.02;
        double ltdNc = tncl * 0.55;
        b.put("totalLiabilities", tl);
        b.put("totalCurrentLiabilities", tcl);
        b.put("currentAccountsPayable", payable);
        b.put("deferredRevenue", deferred);
        b.put("currentDebt", std + cltd);
        b.put("shortTermDebt", std);
        b.put("totalNonCurrentLiabilities", tncl);
        b.put("capitalLeaseObligations", lease);
        b.put("longTermDebt", ltdNc + cltd);
        b.put("currentLongTermDebt", cltd);
        b.put("longTermDebtNoncurrent", ltdNc);
        b.put("shortLongTermDebtTotal", std + cltd + ltdNc + lease);
        b.put("otherCurrentLiabilities", otherCl);
        b.put("otherNonCurrentLiabilities", tncl - ltdNc - lease);
        double equity = ta - tl;
        double common = equity * 0.3;
        double treasury = ta * 0.05;
        b.put("totalShareholderEquity", equity);
        b.put("treasuryStock", treasury);
        b.put("retainedEarnings", equity - common + treasury);
        b.put("commonStock", common);
        b.put("commonStockSharesOutstanding", shares);
        return b;
    }

    private static Map<String, Double> income(SplittableRandom r, double revenue, double cogs, double rd, double sga,
            double da, double tax, Map<String, Double> bs) {
        Map<String, Double> m = new HashMap<>();
        double cost = revenue * cogs * (1 + 0.02 * r.nextGaussian());
        double gross = revenue - cost;
        double research = revenue * rd * (1 + 0.03 * r.nextGaussian());
        double admin = revenue * sga * (1 + 0.03 * r.nextGaussian());
        double opex = research + admin;
        double operating = gross - opex;
        double interestIncome = bs.get("cashAndShortTermInvestments") * 0.006;
        double interestExpense = bs.get("shortLongTermDebtTotal") * 0.012;
        double other = revenue * 0.005 * r.nextGaussian();
        double dna = revenue * da;
        double beforeTax = operating + interestIncome - interestExpense + other;
        double taxes = beforeTax * tax * (1 + 0.1 * r.nextGaussian());
        double net = beforeTax - taxes;
        m.put("grossProfit", gross);
        m.put("totalRevenue", revenue);
        m.put("costOfRevenue", cost);
        m.put("costofGoodsAndServicesSold", cost);
        m.put("operatingIncome", operating);
        m.put("sellingGeneralAndAdministrative", admin);
        m.put("researchAndDevelopment", rd == 0 ? Double.NaN : research);
        m.put("operatingExpenses", opex);
        m.put("investmentIncomeNet", interestIncome * 0.8);
        m.put("netInterestIncome", interestIncome - interestExpense);
        m.put("interestIncome", interestIncome);
        m.put("interestExpense", interestExpense);
        m.put("nonInterestIncome", revenue * 0.01);
        m.put("otherNonOperatingIncome", other);
        m.put("depreciation", dna * 0.7);
        m.put("depreciationAndAmortization", dna);
        m.put("incomeBeforeTax", beforeTax);
        m.put("incomeTaxExpense", taxes);
        m.put("interestAndDebtExpense", interestExpense);
        m.put("netIncomeFromContinuingOperations", net);
        m.put("comprehensiveIncomeNetOfTax", net * (1 + 0.03 * r.nextGaussian()));
        m.put("ebit", beforeTax + interestExpense);
        m.put("ebitda", beforeTax + interestExpense + dna);
        m.put("netIncome", net);
        return m;
    }

    private static Map<String, Double> cashFlow(SplittableRandom r, double revenue, double capexRatio, double buyback,
            boolean paysDividends, Map<String, Double> is, Map<String, Double> bs, Map<String, Double> before) {
        Map<String, Double> m = new HashMap<>();
        double net = is.get("netIncome");
        double dna = is.get("depreciationAndAmortization");
        double dReceivables = before == null ? 0 : -(bs.get("currentNetReceivables") - before.get("currentNetReceivables"));
        double dInventory = before == null ? 0 : -(bs.get("inventory") - before.get("inventory"));
        double dLiabilities = before == null ? 0
                : bs.get("currentAccountsPayable") - before.get("currentAccountsPayable");
        double dAssets = dReceivables + dInventory;
        double sbc = revenue * 0.02;
        double operating = net + dna + dAssets + dLiabilities + sbc;
        double capex = revenue * capexRatio * (1 + 0.05 * r.nextGaussian());
        double investing = -capex - revenue * 0.02 * Math.abs(r.nextGaussian());
        double dividends = paysDividends ? Math.max(0, net) * 0.35 + revenue * 0.01 : Double.NaN;
        double repurchase = buyback > 0 ? revenue * 0.03 * (1 + 0.2 * r.nextGaussian()) : 0;
        double issuance = revenue * 0.005;
        double debt = revenue * 0.02 * r.nextGaussian();
        double financing = -(Double.isNaN(dividends) ? 0 : dividends) - repurchase + issuance + debt;
        double fx = revenue * 0.001 * r.nextGaussian();
        m.put("operatingCashflow", operating);
        m.put("paymentsForOperatingActivities", revenue * 0.9);
        m.put("proceedsFromOperatingActivities", revenue * 0.95);
        m.put("changeInOperatingLiabilities", dLiabilities);
        m.put("changeInOperatingAssets", dAssets);
        m.put("depreciationDepletionAndAmortization", dna);
        m.put("capitalExpenditures", capex);
        m.put("changeInReceivables", dReceivables);
        m.put("changeInInventory", dInventory);
        m.put("profitLoss", net);
        m.put("cashflowFromInvestment", investing);
        m.put("cashflowFromFinancing", financing);
        m.put("proceedsFromRepaymentsOfShortTermDebt", debt);
        m.put("paymentsForRepurchaseOfCommonStock", repurchase);
        m.put("paymentsForRepurchaseOfEquity", repurchase);
        m.put("paymentsForRepurchaseOfPreferredStock", Double.NaN);
        m.put("dividendPayout", dividends);
        m.put("dividendPayoutCommonStock", dividends);
        m.put("dividendPayoutPreferredStock", Double.NaN);
        m.put("proceedsFromIssuanceOfCommonStock", issuance);
        m.put("proceedsFromIssuanceOfLongTermDebtAndCapitalSecuritiesNet", Math.max(0, debt));
        m.put("proceedsFromIssuanceOfPreferredStock", Double.NaN);
        m.put("proceedsFromRepurchaseOfEquity", -repurchase);
        m.put("proceedsFromSaleOfTreasuryStock", Double.NaN);
        m.put(StatementFields.STOCK_BASED_COMPENSATION, sbc);
        m.put("changeInCashAndCashEquivalents", operating + investing + financing + fx);
        m.put("changeInExchangeRate", fx);
        m.put("netIncome", net);
        return m;
    }

    /** How many fiscal years the annual reports reach back (as Alpha Vantage's: about twenty). */
    static final int ANNUAL_YEARS = 20;

    /** The share of a flow statement's fiscal years whose annual report is restated (does not add up). */
    static final double RESTATED_YEARS = 0.06;

    /** The metrics a restated annual report changes, per flow statement (each a §10 metric, checked by the build). */
    private static final Map<AvFunction, List<String>> RESTATABLE = Map.of(
            INCOME_STATEMENT, List.of("totalRevenue", "grossProfit", "operatingIncome", "netIncome"),
            CASH_FLOW, List.of("operatingCashflow", "capitalExpenditures", "netIncome"));

    /**
     * The complete fiscal years, newest first (at most {@link #ANNUAL_YEARS}): flows summed over their four quarters,
     * stocks at year end, from the model's values (before the quarterly answer's gaps). A seeded few of a flow
     * statement's years ({@link #RESTATED_YEARS}) are restated: one metric 3 to 15 % off the quarters' sum, as a
     * company's later annual report can be, so the build's annual check has something to find.
     */
    private static List<StatementRow> annualReports(AvFunction f, List<Quarter> quarters, SplittableRandom restated) {
        List<String> fields = StatementFields.of(f);
        List<StatementRow> rows = new ArrayList<>();
        for (int i = quarters.size() - 1; i >= 3 && rows.size() < ANNUAL_YEARS; i--) {
            Quarter q = quarters.get(i);
            if (!q.fiscalYearEnd()) {
                continue;
            }
            double[] v = new double[fields.size()];
            for (int j = 0; j < v.length; j++) {
                String field = fields.get(j);
                if (f == BALANCE_SHEET) {
                    v[j] = valueOf(q, f, field);
                } else {
                    v[j] = 0;
                    for (int k = i - 3; k <= i; k++) {
                        v[j] += valueOf(quarters.get(k), f, field);
                    }
                }
            }
            if (f != BALANCE_SHEET && restated.nextDouble() < RESTATED_YEARS) {
                List<String> restatable = RESTATABLE.get(f);
                int j = fields.indexOf(restatable.get(restated.nextInt(restatable.size())));
                double off = (0.03 + 0.12 * restated.nextDouble()) * (restated.nextBoolean() ? 1 : -1);
                if (j >= 0 && Double.isFinite(v[j])) {
                    v[j] = Math.rint(v[j] * (1 + off));
                }
            }
            rows.add(new StatementRow(q.periodEnd(), v));
        }
        return List.copyOf(rows);
    }

    private static double valueOf(Quarter q, AvFunction f, String field) {
        Double x = q.values().get(f).get(field);
        return x == null ? Double.NaN : x;
    }

    /** Fiscal-year EPS (sum of the year's quarters), newest first, led by the year to date when it is partial. */
    private static List<Financials.AnnualEps> annualEarnings(List<Quarter> quarters) {
        List<Financials.AnnualEps> out = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (int i = quarters.size() - 1; i >= 0; i--) {
            Quarter q = quarters.get(i);
            if (q.fiscalYearEnd() && count > 0) {
                out.add(new Financials.AnnualEps(quarters.get(i + count).periodEnd(), Numbers.round(sum, 2)));
                sum = 0;
                count = 0;
            }
            sum += q.eps();
            count++;
        }
        if (count == 4 || (count > 0 && out.isEmpty())) {
            out.add(new Financials.AnnualEps(quarters.get(count - 1).periodEnd(), Numbers.round(sum, 2)));
        }
        return List.copyOf(out);
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
