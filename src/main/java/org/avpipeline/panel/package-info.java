/**
 * The build (pipeline.md §3–§9): one pure class per step, composed per ticker by {@link
 * org.avpipeline.panel.TickerBuild} and run over the universe by {@link org.avpipeline.panel.UniverseBuild}.
 *
 * <p>Order of the steps for one ticker: {@link org.avpipeline.panel.FiscalDates} (§3.0) → {@link
 * org.avpipeline.panel.StatementHygiene} (§3.1–3.3) → {@link org.avpipeline.panel.ShareBasis} (§3.4, balance sheet) →
 * {@link org.avpipeline.panel.AnomalyCleaning} (§4.2, {@code reference} only) → {@link
 * org.avpipeline.panel.QuarterlyTable} (§5.1–5.4) → {@link org.avpipeline.panel.Continuity} (§5.5) → {@link
 * org.avpipeline.panel.CalendarQuarters} (§5.6) and {@link org.avpipeline.panel.TrailingTwelveMonths} (§6) → {@link
 * org.avpipeline.panel.DailyPanel} with {@link org.avpipeline.panel.MarketCap} (§7–§8) → {@link
 * org.avpipeline.panel.PerShare} and {@link org.avpipeline.panel.DerivedMetrics} (§9).
 *
 * <p>Readings of the spec where it leaves room:
 *
 * <ul>
 *   <li>§3.2 "every metric is missing" looks at every field of the report; the table keeps only the §10 metrics
 *       (selecting them before cleaning instead of after changes no number, cleaning is column by column).
 *   <li>A statement with no rows at all is reported as "not in all statements", one with 1–9 rows as "too little
 *       history".
 *   <li>§4 stage 1: a column with fewer than 2 present values after the flagged ones are removed is not
 *       interpolated; a baseline whose values are all missing flags nothing. The median is R's (NaN when any value
 *       is NaN, so an infinite median gives a NaN MAD and no flags); the mean of the two middle values is rounded
 *       once, as R's extended-precision mean does.
 *   <li>Stage 1 repairs counted = values flagged; stage 2 repairs counted = flags kept in the end window.
 *   <li>§6: a metric missing in all four quarters has a TTM of 0 (missing counts as 0), as the spec says.
 *   <li>§7: a split factor that is infinite is ignored like a missing one.
 *   <li>§8: the panel has a row for every bar, including days whose close is missing or not positive (those get no
 *       market cap of their own and carry the previous one, §8.4). Several quarters available on the same day are
 *       applied in fiscal order and a later quarter's missing value does not erase an earlier one's (as if the
 *       earlier had been applied on the row above and carried forward).
 *   <li>Tickers are ordered by {@link java.lang.String#compareTo}.
 * </ul>
 */
package org.avpipeline.panel;
