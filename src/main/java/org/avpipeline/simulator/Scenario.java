package org.avpipeline.simulator;

/**
 * The awkward cases of real Alpha Vantage data that the pipeline must survive, each carried by some simulated tickers.
 * The first ten tickers of every universe carry fixed sets (see {@link SimulatedMarket#scenarios(String)}), so a
 * universe of 10 or more tickers shows every scenario; later tickers draw a few at random from their seed.
 */
public enum Scenario {
    /** Some reportedDates fall on a Saturday, Sunday or market holiday (the panel must use the next trading day). */
    WEEKEND_REPORTS,
    /** Fiscal quarters end in January, April, July and October. */
    FISCAL_YEAR_JANUARY,
    /** Fiscal quarters end in February, May, August and November. */
    FISCAL_YEAR_NOVEMBER,
    /** Quarters before 2023 end on the Sunday nearest the month end (52/53-week years, e.g. 2022-05-01, 2019-07-28). */
    WEEK_52_53,
    /** One old quarter is missing from the balance sheet (breaks continuity; the longer recent run must win). */
    MISSING_QUARTER,
    /** Listed less than two years before the as-of date: fewer than 10 quarters of statements, short prices. */
    SHORT_HISTORY,
    /** Listed between 2010 and 2014: prices and statements start late. */
    LATE_LISTING,
    /** One quarter of totalRevenue (income), totalAssets (balance) and operatingCashflow (cash flow) is ×20. */
    SPIKE,
    /** The latest quarter's operatingExpenses is ×12 and totalLiabilities ÷10 (a jump at the end of the series). */
    END_JUMP,
    /** researchAndDevelopment is 0 for eight quarters in the middle; dividendPayout is 0 for the first twelve. */
    ZERO_RUNS,
    /** Whole columns are "None" (e.g. researchAndDevelopment, inventory, goodwill, changeInInventory). */
    NONE_COLUMNS,
    /** One quarter appears twice in the income statement and in earnings (the first copy is the right one). */
    DUPLICATE_ROWS,
    /** A fund: prices and dividends but no statements (quarterlyReports: []) and no earnings. */
    FUND,
    /** Three quarters have statements but no earnings row (they never become available in the panel). */
    MISSING_EARNINGS_ROWS,
    /** Two earnings rows have reportedDate "None". */
    EARNINGS_WITHOUT_DATE,
    /** One old cash-flow quarter has every metric "None" (dropped by hygiene, which breaks continuity early). */
    EMPTY_ROW,
    /**
     * Forward splits (3:2, 2:1, 3:1, 4:1, 10:1): split coefficient on the day. Share counts are restated to today's
     * basis (as Alpha Vantage serves them since 2025) unless the ticker also has {@link #AS_REPORTED_SHARES} or
     * {@link #MIXED_SHARE_BASIS}.
     */
    SPLITS,
    /** A reverse split 1:10 (split factor 0.1000). */
    REVERSE_SPLIT,
    /** Quarterly dividends (adjusted close diverges from close). */
    DIVIDENDS,
    /**
     * {@code commonStockSharesOutstanding} as reported, as Alpha Vantage served it before 2025: each quarter's count
     * on the basis of its report date (it includes every split on or before that date, as US filings do), so the
     * count jumps by a split's factor at the first report on or after it. Without this, counts are restated to
     * today's basis.
     */
    AS_REPORTED_SHARES,
    /**
     * Counts of quarters reported before {@link FinancialsGenerator#MIXED_BASIS_UNTIL} restated to that day's basis,
     * later ones as reported: the older split looks restated, the newer one as reported.
     */
    MIXED_SHARE_BASIS,
    /** A split on the last price day, after the last quarter's report: it cannot be tested and inherits. */
    LATE_SPLIT,
    /** SPLITS lists a split announced for after the last price day (not in the prices yet). */
    ANNOUNCED_SPLIT
}
