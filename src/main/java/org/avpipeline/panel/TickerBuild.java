package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.metrics.Metrics;

/**
 * The whole build of one ticker (pipeline.md §3–§9), a pure function of its data: statement hygiene, the share basis
 * of the balance sheet's counts (§3.4) and, in {@link CleaningMode#REFERENCE} mode, anomaly cleaning per statement, the quarterly table, continuity, calendar quarters and TTM, then the daily panel with
 * market cap, per-share and derived columns; and the checks of the run against the annual reports and of the balance
 * sheet (§4.1), which change nothing.
 */
public final class TickerBuild {
    private TickerBuild() {}

    private static final Map<AvFunction, List<String>> STATEMENT_METRICS = StatementMetrics.OF_STATEMENT;

    public static TickerResult build(TickerData data, BuildParameters params) {
        PriceDays prices = PriceDays.of(data);
        Facts facts = new Facts();
        QuarterHistory history = fundamentals(data, params, facts, prices.lastDay());
        return assemble(data, params, prices, history, facts, true);
    }

    /** A ticker's price bars as the build uses them (ascending, one per date) and their days, computed once. */
    record PriceDays(List<DailyBar> bars, int[] days) {
        static PriceDays of(TickerData data) {
            List<DailyBar> bars = DailyBar.ascendingFirstOfEachDate(data.bars());
            return new PriceDays(bars, DailyPanel.epochDays(bars));
        }

        /** The last price day (epoch day), {@link Integer#MIN_VALUE} without prices. */
        int lastDay() {
            return days.length == 0 ? Integer.MIN_VALUE : days[days.length - 1];
        }
    }

    /** What §3–§6 decided about a ticker, collected for its {@link TickerFacts}. */
    static final class Facts {
        final List<Dropout> dropouts = new ArrayList<>();
        final List<AnomalyRepair> repairs = new ArrayList<>();
        final List<ShareBasis.SplitBasis> splitBases = new ArrayList<>();
    }

    /**
     * §7–§9 and the checks from the quarterly table {@code history} (§3–§6 of {@code data}, which decided
     * {@code facts}): the daily panel, the facts, and the companion rows (the price rows only when
     * {@code priceCompanions}: a §8a set other than today's needs its quarters only).
     */
    static TickerResult assemble(TickerData data, BuildParameters params, PriceDays prices, QuarterHistory history,
            Facts facts, boolean priceCompanions) {
        List<DailyBar> bars = prices.bars();
        List<Dropout> dropouts = new ArrayList<>(facts.dropouts);
        QuarterChecks checks = QuarterChecks.of(history.rows(), data.annualStatements());
        DailyPanel.Result daily = DailyPanel.build(data.ticker(), bars, prices.days(), history, data.splits(),
                params.startDate());
        if (daily == null) {
            dropouts.add(new Dropout(DropReason.NO_PRICES, AvFunction.TIME_SERIES_DAILY_ADJUSTED,
                    bars.isEmpty() ? "no price data"
                            : "no price rows on or after " + params.startDate() + " (last "
                                    + bars.get(bars.size() - 1).date() + ")"));
        } else {
            PerShare.fill(daily.panel(), daily.carried());
            DerivedMetrics.fill(daily.panel());
        }
        int[] fiscal = history.rows().fiscalDates();
        TickerFacts tickerFacts = new TickerFacts(data.ticker(), bars.size(),
                daily == null ? 0 : daily.panel().rows(), dropouts, history.size(),
                fiscal.length == 0 ? null : LocalDate.ofEpochDay(fiscal[0]),
                fiscal.length == 0 ? null : LocalDate.ofEpochDay(fiscal[fiscal.length - 1]), facts.repairs,
                facts.splitBases, checks.fiscalYears(), BalanceGap.large(history.rows(), checks.balanceGap()));
        TickerCompanions companions = null;
        if (params.companions()) {
            companions = priceCompanions ? companions(data, history, checks, bars, prices.days(), params)
                    : new TickerCompanions(CompanionRows.quarters(data.ticker(), history, checks, prices.days()),
                            null, null);
        }
        return new TickerResult(data.ticker(), daily == null ? null : daily.panel(), tickerFacts, companions);
    }

    /** The ticker's rows of the companion files, from the same quarters and bars as its panel. */
    static TickerCompanions companions(TickerData data, QuarterHistory history, QuarterChecks checks,
            List<DailyBar> bars, int[] barDays, BuildParameters params) {
        return new TickerCompanions(CompanionRows.quarters(data.ticker(), history, checks, barDays),
                CompanionRows.prices(data.ticker(), bars, barDays, params.startDate()),
                CompanionRows.profile(data.ticker(), data.overview()));
    }

    /** §3–§6 of the data alone, its facts dropped (for tests and checks of one step). */
    static QuarterHistory fundamentals(TickerData data, BuildParameters params) {
        return fundamentals(data, params, new Facts(), PriceDays.of(data).lastDay());
    }

    /**
     * §3–§6: the continuous run with calendar quarters and TTMs, or {@link QuarterHistory#EMPTY}, collecting into
     * {@code facts} the dropouts, the repairs and the share-basis decision about each split (§3.4).
     *
     * @param lastPriceDay the ticker's last price day (epoch day; {@link Integer#MIN_VALUE} without prices)
     */
    static QuarterHistory fundamentals(TickerData data, BuildParameters params, Facts facts, int lastPriceDay) {
        List<Dropout> dropouts = facts.dropouts;
        List<EarningsReport> earnings = FiscalDates.earnings(data.earnings());
        if (earnings.isEmpty()) {
            dropouts.add(new Dropout(DropReason.NOT_IN_ALL_STATEMENTS, AvFunction.EARNINGS,
                    "no quarterly EARNINGS rows"));
        }
        Map<AvFunction, StatementTable> tables = new EnumMap<>(AvFunction.class);
        for (AvFunction statement : AvFunction.STATEMENTS) {
            List<StatementReport> reports = FiscalDates.statements(data.statement(statement));
            StatementHygiene.Outcome outcome = StatementHygiene.apply(statement, reports,
                    STATEMENT_METRICS.get(statement), params.mode().minHistory(params.cleaning()));
            if (!outcome.usable()) {
                dropouts.add(outcome.dropout());
                continue;
            }
            StatementTable table = outcome.table();
            if (statement == AvFunction.BALANCE_SHEET) {
                ShareBasis.Outcome basis = ShareBasis.apply(table, earnings, data.splits(), lastPriceDay);
                facts.splitBases.addAll(basis.splits());
                table = basis.table();
            }
            if (params.mode().repairs()) {
                AnomalyCleaning.Cleaned cleaned = AnomalyCleaning.clean(table, params.cleaning());
                facts.repairs.addAll(cleaned.repairs());
                table = cleaned.table();
            }
            tables.put(statement, table);
        }
        if (!dropouts.isEmpty()) {
            return QuarterHistory.EMPTY;
        }
        QuarterlyRows rows = QuarterlyTable.assemble(earnings, tables);
        if (rows.size() == 0) {
            dropouts.add(new Dropout(DropReason.NOT_IN_ALL_STATEMENTS, null,
                    "no fiscal quarter is in all three statements"));
            return QuarterHistory.EMPTY;
        }
        QuarterlyRows run = Continuity.apply(rows);
        if (run.size() == 0) {
            dropouts.add(new Dropout(DropReason.NO_CONTINUOUS_QUARTERS, null,
                    "none of the " + rows.size() + " common quarters ends on the last day of a month"));
            return QuarterHistory.EMPTY;
        }
        return QuarterHistory.of(run, params.mode());
    }
}
