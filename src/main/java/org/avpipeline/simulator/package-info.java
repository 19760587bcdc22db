/**
 * The built-in Alpha Vantage simulator, in three separate parts.
 *
 * <ol>
 *   <li><b>The market</b> ({@link org.avpipeline.simulator.SimulatedMarket}): what the data is. Deterministic from
 *       (seed, ETF symbol, number of tickers, as-of date); each ticker's data is generated lazily from the seed and
 *       its symbol. {@code answer(function, symbol)} gives the exact body the server sends (no HTTP), in Alpha
 *       Vantage's own JSON layout (four-space indent, every number a string, {@code "None"} for missing, newest
 *       first): ETF_PROFILE, TIME_SERIES_DAILY_ADJUSTED, SPLITS, EARNINGS, INCOME_STATEMENT, BALANCE_SHEET,
 *       CASH_FLOW.</li>
 *   <li><b>The server</b> ({@link org.avpipeline.simulator.SimulatorServer}): how it is served. {@code GET /query}
 *       on 127.0.0.1 with a per-key sliding-window rate limit and optional latency, configured by
 *       {@link org.avpipeline.simulator.SimulatorConfig}.</li>
 *   <li><b>The timeline</b> ({@link org.avpipeline.simulator.MarketTimeline}): time travel. A market generated up
 *       to its as-of date, viewed as on an earlier day (a request's {@code asof=YYYY-MM-DD}): prices to that day,
 *       the earnings reported by then, each quarter's statements a seeded 0–5 days after its report, and
 *       EARNINGS_CALENDAR (CSV, {@code horizon=3month|6month|12month}), optionally missing some tickers. A test runs
 *       "week 1", "week 2", … against one simulator.</li>
 *   <li><b>The faults</b> ({@link org.avpipeline.simulator.FaultPlan}): how it misbehaves (503s, slow, malformed
 *       and truncated answers drawn per request; the premium and bad-key answers).</li>
 * </ol>
 *
 * <p>Which ticker shows which {@link org.avpipeline.simulator.Scenario} (the same in every market, whatever the
 * seed; positions 10 and later draw scenarios at random from the seed):
 *
 * <table>
 *   <caption>Fixed scenarios of the first ten constituents</caption>
 *   <tr><th>#</th><th>symbol</th><th>scenarios</th></tr>
 *   <tr><td>0</td><td>ACMA</td><td>SPLITS (2:1 2005-08-15, 2:1 2014-06-09, 3:2 2019-01-08: between the
 *       2018-12-31 quarter's end and its report), AS_REPORTED_SHARES, DIVIDENDS, WEEKEND_REPORTS</td></tr>
 *   <tr><td>1</td><td>NVLT</td><td>FISCAL_YEAR_JANUARY, WEEK_52_53, SPLITS (2:1 2007-09-11, 4:1 2021-07-20,
 *       10:1 2024-06-10), AS_REPORTED_SHARES</td></tr>
 *   <tr><td>2</td><td>BRKW</td><td>MISSING_QUARTER, EMPTY_ROW, DIVIDENDS, SPLITS (2:1 2003-05-12, before the
 *       statements: no tested split)</td></tr>
 *   <tr><td>3</td><td>QNTX</td><td>SHORT_HISTORY</td></tr>
 *   <tr><td>4</td><td>SPRK</td><td>SPIKE, ZERO_RUNS, SPLITS (2:1 2016-03-01 and 3:2 2016-03-22, between the same two
 *       quarters)</td></tr>
 *   <tr><td>5</td><td>HLDN</td><td>END_JUMP, NONE_COLUMNS, SPLITS (2:1 2012-05-14), LATE_SPLIT (2:1 on the last
 *       price day)</td></tr>
 *   <tr><td>6</td><td>GRWF</td><td>FUND, DIVIDENDS</td></tr>
 *   <tr><td>7</td><td>MRDN</td><td>DUPLICATE_ROWS, MISSING_EARNINGS_ROWS, EARNINGS_WITHOUT_DATE, ANNOUNCED_SPLIT
 *       (2:1 17 days after the as-of date)</td></tr>
 *   <tr><td>8</td><td>PLTX</td><td>REVERSE_SPLIT (1:10 2018-05-14), LATE_LISTING, AS_REPORTED_SHARES</td></tr>
 *   <tr><td>9</td><td>CSTR</td><td>FISCAL_YEAR_NOVEMBER, WEEKEND_REPORTS, SPLITS (3:1 2013-03-18, 2:1 2022-03-14),
 *       MIXED_SHARE_BASIS (restated to the 2020-01-01 basis before it, as reported after: mixed decisions)</td></tr>
 * </table>
 *
 * <p>Share counts ({@code commonStockSharesOutstanding}) are restated to the as-of date's split basis, as Alpha
 * Vantage serves them since 2025, except for tickers with {@code AS_REPORTED_SHARES} (each count on the basis of its
 * report date, as answers fetched before 2025 gave them; 30 % of the positions from 10 on, drawn from the seed) or
 * {@code MIXED_SHARE_BASIS}.
 *
 * <p>Every ticker also has the shapes real universes have, which cost a build what real data costs (the benchmarks
 * measure on them, docs/benchmarks.md): prices from $3 to $400 and quarterly revenue from $2 million to $30 billion
 * (log-uniform, so several orders of magnitude apart), prices in sixteenths of a dollar before 2001-04-09 and, on
 * some tickers' days, sub-penny prices with three or four decimals ({@link org.avpipeline.simulator.Quoting}), and
 * long runs of "None" in the statements: about a third of the fields reported only from some quarter on, about one in
 * seven missing for one to four years ({@link org.avpipeline.simulator.MissingRuns}).
 *
 * <p>The ETF profile also lists NVLT a second time, {@code GONE} (unknown to the market: {@code {}} to
 * fundamentals, "Invalid API call" to the time series) and two {@code "n/a"} holdings (CASH, a futures contract).
 */
package org.avpipeline.simulator;
