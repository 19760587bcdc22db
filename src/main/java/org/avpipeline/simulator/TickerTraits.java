package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.avpipeline.alphavantage.Split;

/**
 * What makes one simulated ticker itself: its scenarios, listing date, fiscal calendar, splits, dividends and scale.
 * A pure function of (seed, position, symbol, as-of date); cheap to derive (no series are generated here).
 *
 * @param fiscalOffset 0: quarters end Mar/Jun/Sep/Dec; 1: Jan/Apr/Jul/Oct; 2: Feb/May/Aug/Nov
 * @param splits every split the ticker ever makes, on trading days, ascending (answers keep those up to the as-of date)
 * @param dividendYield annual dividend yield, 0 for none
 * @param valueGrowth the yearly log growth of the company's value (prices are pinned to it, revenue grows with it)
 * @param quarterlyRevenue revenue of the quarter at {@link #anchorDate()}
 * @param baseShares shares at the anchor date, before any split, such that price × shares is a few times revenue
 */
record TickerTraits(String symbol, String description, int index, Set<Scenario> scenarios, LocalDate listingDate,
        int fiscalOffset, List<Split> splits, double dividendYield, int dividendStartYear, double startPrice,
        double annualDrift, double valueGrowth, double dailyVolatility, double baseVolume, double quarterlyRevenue,
        double baseShares) {

    /** Prices of long-listed tickers start here, like IBM's full daily series. */
    static final LocalDate PRICE_START = LocalDate.of(1999, 11, 1);
    /** The share of tickers beyond the first ten whose counts are served as reported. */
    static final double AS_REPORTED_SHARE = 0.3;
    /** Listing date used for tickers listed long before the price history starts. */
    static final LocalDate OLD_LISTING = LocalDate.of(1985, 1, 1);

    TickerTraits {
        scenarios = Collections.unmodifiableSet(EnumSet.copyOf(scenarios.isEmpty()
                ? EnumSet.noneOf(Scenario.class) : scenarios));
        splits = List.copyOf(splits);
    }

    boolean has(Scenario s) {
        return scenarios.contains(s);
    }

    /** The {@link Scenario#LATE_SPLIT} day (no quarter is reported on or after it), {@code null} without one. */
    LocalDate lateSplit() {
        return has(Scenario.LATE_SPLIT) && splits.size() > 1 ? splits.get(splits.size() - 1).effectiveDate() : null;
    }

    /** The first day of the price history. */
    LocalDate priceStart() {
        return TradingCalendar.onOrAfter(listingDate.isAfter(PRICE_START) ? listingDate : PRICE_START);
    }

    /** Where the company model is anchored: the later of the price start and 2005-01-01. */
    LocalDate anchorDate() {
        LocalDate p = priceStart();
        return p.isAfter(FinancialsGenerator.STATEMENTS_START) ? p : FinancialsGenerator.STATEMENTS_START;
    }

    /** The fixed scenario sets of the first ten positions: with 10 or more tickers every scenario appears. */
    static Set<Scenario> fixedScenarios(int index) {
        return switch (index) {
            case 0 -> EnumSet.of(Scenario.SPLITS, Scenario.DIVIDENDS, Scenario.WEEKEND_REPORTS,
                    Scenario.AS_REPORTED_SHARES);
            case 1 -> EnumSet.of(Scenario.FISCAL_YEAR_JANUARY, Scenario.WEEK_52_53, Scenario.SPLITS,
                    Scenario.AS_REPORTED_SHARES);
            case 2 -> EnumSet.of(Scenario.MISSING_QUARTER, Scenario.EMPTY_ROW, Scenario.DIVIDENDS, Scenario.SPLITS);
            case 3 -> EnumSet.of(Scenario.SHORT_HISTORY);
            case 4 -> EnumSet.of(Scenario.SPIKE, Scenario.ZERO_RUNS, Scenario.SPLITS);
            case 5 -> EnumSet.of(Scenario.END_JUMP, Scenario.NONE_COLUMNS, Scenario.SPLITS, Scenario.LATE_SPLIT);
            case 6 -> EnumSet.of(Scenario.FUND, Scenario.DIVIDENDS);
            case 7 -> EnumSet.of(Scenario.DUPLICATE_ROWS, Scenario.MISSING_EARNINGS_ROWS,
                    Scenario.EARNINGS_WITHOUT_DATE, Scenario.ANNOUNCED_SPLIT);
            case 8 -> EnumSet.of(Scenario.REVERSE_SPLIT, Scenario.LATE_LISTING, Scenario.AS_REPORTED_SHARES);
            case 9 -> EnumSet.of(Scenario.FISCAL_YEAR_NOVEMBER, Scenario.WEEKEND_REPORTS, Scenario.SPLITS,
                    Scenario.MIXED_SHARE_BASIS);
            default -> null;
        };
    }

    static TickerTraits derive(long seed, int index, String symbol, String description, LocalDate asOf) {
        SplittableRandom r = Seeds.stream(seed, symbol, "traits");
        Set<Scenario> sc = index < 0 ? EnumSet.of(Scenario.FUND, Scenario.DIVIDENDS) : fixedScenarios(index);
        if (sc == null) {
            sc = randomScenarios(r);
            // from a stream of its own, so that adding it changed no other draw
            if (Seeds.stream(seed, symbol, "share-basis").nextDouble() < AS_REPORTED_SHARE) {
                sc.add(Scenario.AS_REPORTED_SHARES);
            }
        }

        LocalDate listing = OLD_LISTING;
        if (index < 0) {
            listing = LocalDate.of(1999, 3, 10);
        } else if (sc.contains(Scenario.SHORT_HISTORY)) {
            listing = asOf.minusDays(560 + r.nextInt(80));
        } else if (sc.contains(Scenario.LATE_LISTING)) {
            listing = LocalDate.of(2010, 1, 4).plusDays(r.nextInt(5 * 365));
        }

        int fiscalOffset = sc.contains(Scenario.FISCAL_YEAR_JANUARY) ? 1
                : sc.contains(Scenario.FISCAL_YEAR_NOVEMBER) ? 2 : 0;

        List<Split> splits = splits(index, sc, listing, r, asOf);

        double yield = sc.contains(Scenario.DIVIDENDS) ? 0.01 + 0.025 * r.nextDouble() : 0;
        int dividendStart = Math.max(listing.getYear() + 1, 2000) + (index >= 0 && index < 10 ? 2 : r.nextInt(8));

                // Log-uniform scales over orders of magnitude, as in real universes: prices from $3 to $400, quarterly revenue
        // from $2 million to $30 billion (capped below as the company grows).
        double startPrice = Math.exp(Math.log(3) + r.nextDouble() * Math.log(400 / 3.0));
        double drift = 0.02 + 0.07 * r.nextDouble();
        double vol = 0.012 + 0.016 * r.nextDouble();
        double volume = Math.exp(Math.log(2e5) + r.nextDouble() * Math.log(100));
        double revenue = Math.exp(Math.log(2e6) + r.nextDouble() * Math.log(15_000));
        double priceSales = 1.5 + 4.5 * r.nextDouble();
        TickerTraits draft = new TickerTraits(symbol, description, index, sc, listing, fiscalOffset, splits, yield,
                dividendStart, startPrice, drift, drift, vol, volume, revenue, 1);
        // Prices end near start × (total split factor) × e^0.3 (see PriceGenerator): that is the value's growth.
        LocalDate priceStart = draft.priceStart();
        double splitLog = 0;
        for (Split s : splits) {
            if (s.effectiveDate().isAfter(priceStart) && !s.effectiveDate().isAfter(asOf)) {
                splitLog += Math.log(s.factor());
            }
        }
        double years = Math.max(0.5, java.time.temporal.ChronoUnit.DAYS.between(priceStart, asOf) / 365.25);
        double growth = splitLog != 0 ? (splitLog + 0.3) / years : drift;
        double anchorYears = java.time.temporal.ChronoUnit.DAYS.between(priceStart, draft.anchorDate()) / 365.25;
        double anchorValue = startPrice * Math.exp(growth * anchorYears);
        double yearsAfterAnchor = java.time.temporal.ChronoUnit.DAYS.between(draft.anchorDate(), asOf) / 365.25;
        revenue = Math.min(revenue, 30e9 / Math.exp(Math.max(0, growth) * yearsAfterAnchor)); // at most ~$120bn a year
        double shares = revenue * 4 * priceSales / anchorValue;
        return new TickerTraits(symbol, description, index, sc, listing, fiscalOffset, splits, yield, dividendStart,
                startPrice, drift, growth, vol, volume, revenue, shares);
    }

    private static Set<Scenario> randomScenarios(SplittableRandom r) {
        EnumSet<Scenario> s = EnumSet.noneOf(Scenario.class);
        double u = r.nextDouble();
        if (u < 0.15) {
            s.add(Scenario.FISCAL_YEAR_JANUARY);
        } else if (u < 0.25) {
            s.add(Scenario.FISCAL_YEAR_NOVEMBER);
        }
        maybe(r, s, Scenario.LATE_LISTING, 0.25);
        maybe(r, s, Scenario.DIVIDENDS, 0.40);
        maybe(r, s, Scenario.SPLITS, 0.25);
        maybe(r, s, Scenario.WEEKEND_REPORTS, 0.10);
        maybe(r, s, Scenario.SPIKE, 0.08);
        maybe(r, s, Scenario.END_JUMP, 0.05);
        maybe(r, s, Scenario.ZERO_RUNS, 0.05);
        maybe(r, s, Scenario.NONE_COLUMNS, 0.05);
        maybe(r, s, Scenario.DUPLICATE_ROWS, 0.03);
        maybe(r, s, Scenario.MISSING_QUARTER, 0.03);
        maybe(r, s, Scenario.MISSING_EARNINGS_ROWS, 0.05);
        maybe(r, s, Scenario.EARNINGS_WITHOUT_DATE, 0.05);
        maybe(r, s, Scenario.WEEK_52_53, 0.05);
        maybe(r, s, Scenario.EMPTY_ROW, 0.02);
        maybe(r, s, Scenario.REVERSE_SPLIT, 0.01);
        if (r.nextDouble() < 0.04) {
            s.clear();
            s.add(Scenario.SHORT_HISTORY);
        } else if (r.nextDouble() < 0.02) {
            s.clear();
            s.add(Scenario.FUND);
            s.add(Scenario.DIVIDENDS);
        }
        return s;
    }

    private static void maybe(SplittableRandom r, Set<Scenario> s, Scenario scenario, double p) {
        if (r.nextDouble() < p) {
            s.add(scenario);
        }
    }

    private static List<Split> splits(int index, Set<Scenario> sc, LocalDate listing, SplittableRandom r,
            LocalDate asOf) {
        List<Split> out = new ArrayList<>();
        switch (index) {
            case 0 -> {
                out.add(split(LocalDate.of(2005, 8, 15), 2));
                out.add(split(LocalDate.of(2014, 6, 9), 2));
                // between the 2018-12-31 quarter's end and its report (15 to 60 days later)
                out.add(split(LocalDate.of(2019, 1, 8), 1.5));
            }
            case 1 -> {
                out.add(split(LocalDate.of(2007, 9, 11), 2));
                out.add(split(LocalDate.of(2021, 7, 20), 4));
                out.add(split(LocalDate.of(2024, 6, 10), 10));
            }
            case 2 -> out.add(split(LocalDate.of(2003, 5, 12), 2)); // before the statements: cannot be tested
            case 4 -> { // both between the 2015-12-31 quarter's report and the 2016-03-31 quarter's report
                out.add(split(LocalDate.of(2016, 3, 1), 2));
                out.add(split(LocalDate.of(2016, 3, 22), 1.5));
            }
            case 5 -> {
                out.add(split(LocalDate.of(2012, 5, 14), 2));
                LocalDate last = TradingCalendar.onOrBefore(asOf);
                if (last.getYear() >= 2013) {
                    out.add(new Split(last, 2)); // LATE_SPLIT: no quarter is reported on or after it
                }
            }
            case 7 -> out.add(split(asOf.plusDays(17), 2)); // ANNOUNCED_SPLIT: after the last price day
            case 8 -> out.add(split(LocalDate.of(2018, 5, 14), 0.1));
            case 9 -> {
                out.add(split(LocalDate.of(2013, 3, 18), 3));
                out.add(split(LocalDate.of(2022, 3, 14), 2));
            }
            default -> {
                int from = Math.max(listing.getYear(), 1999) + 2;
                if (sc.contains(Scenario.SPLITS) && from < 2024) {
                    double[] factors = {2, 2, 2, 3, 4};
                    out.add(split(LocalDate.of(from + r.nextInt(2024 - from), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                            factors[r.nextInt(factors.length)]));
                }
                if (sc.contains(Scenario.REVERSE_SPLIT)) {
                    int y = Math.max(from + 3, 2012);
                    out.add(split(LocalDate.of(Math.min(y, 2024), 1 + r.nextInt(12), 1 + r.nextInt(28)), 0.1));
                }
                out.sort(java.util.Comparator.comparing(Split::effectiveDate));
                if (out.size() == 2 && out.get(0).effectiveDate().equals(out.get(1).effectiveDate())) {
                    out.remove(1);
                }
            }
        }
        return out;
    }

    private static Split split(LocalDate date, double factor) {
        return new Split(TradingCalendar.onOrAfter(date), factor);
    }
}
