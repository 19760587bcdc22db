package org.avpipeline.panel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CompanyOverview;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;

/**
 * Everything the build knows about one ticker, as parsed: daily bars (ascending dates, one per date), splits, earnings
 * rows and the quarterly reports of each statement (in answer order). A data type that could not be fetched is an
 * empty list ({@code null} is accepted and means the same).
 *
 * @param statements the reports of {@link AvFunction#INCOME_STATEMENT}, {@link AvFunction#BALANCE_SHEET} and
 *     {@link AvFunction#CASH_FLOW}; a missing key is an empty list
 * @param overview the company's {@link AvFunction#OVERVIEW} with when it was fetched; {@code null} when there is none
 *     (an ETF, or not fetched)
 * @param annualStatements the {@code annualReports} of the statements (in answer order), only for checking the
 *     quarters (pipeline.md §4.1), never a panel value; a missing key is an empty list
 * @param vintages every stored answer of the statement functions with when it was first fetched (pipeline.md §8a);
 *     {@link TickerVintages#NONE} (or {@code null}) when each has one answer, the current one given above
 */
public record TickerData(String ticker, List<DailyBar> bars, List<Split> splits, List<EarningsReport> earnings,
        Map<AvFunction, List<StatementReport>> statements, CompanyOverview overview,
        Map<AvFunction, List<StatementReport>> annualStatements, TickerVintages vintages) {
    public TickerData {
        vintages = vintages == null ? TickerVintages.NONE : vintages;
        Objects.requireNonNull(ticker, "ticker");
        bars = bars == null ? List.of() : List.copyOf(bars);
        splits = splits == null ? List.of() : List.copyOf(splits);
        earnings = earnings == null ? List.of() : List.copyOf(earnings);
        statements = copy(statements);
        annualStatements = copy(annualStatements);
    }

    /** Without annual reports, with one answer per statement function. */
    public TickerData(String ticker, List<DailyBar> bars, List<Split> splits, List<EarningsReport> earnings,
            Map<AvFunction, List<StatementReport>> statements, CompanyOverview overview) {
        this(ticker, bars, splits, earnings, statements, overview, null, TickerVintages.NONE);
    }

    /** With annual reports, with one answer per statement function. */
    public TickerData(String ticker, List<DailyBar> bars, List<Split> splits, List<EarningsReport> earnings,
            Map<AvFunction, List<StatementReport>> statements, CompanyOverview overview,
            Map<AvFunction, List<StatementReport>> annualStatements) {
        this(ticker, bars, splits, earnings, statements, overview, annualStatements, TickerVintages.NONE);
    }

    /** Without annual reports, with the statement functions' vintages. */
    public TickerData(String ticker, List<DailyBar> bars, List<Split> splits, List<EarningsReport> earnings,
            Map<AvFunction, List<StatementReport>> statements, CompanyOverview overview, TickerVintages vintages) {
        this(ticker, bars, splits, earnings, statements, overview, null, vintages);
    }

    /**
     * The same prices, splits and overview with other statement answers (their quarterly and annual reports) and no
     * vintages: one set of §8a.
     */
    public TickerData withAnswers(List<EarningsReport> earnings, Map<AvFunction, List<StatementReport>> statements,
            Map<AvFunction, List<StatementReport>> annual) {
        return new TickerData(ticker, bars, splits, earnings, statements, overview, annual, TickerVintages.NONE);
    }

    /** Without an overview. */
    public TickerData(String ticker, List<DailyBar> bars, List<Split> splits, List<EarningsReport> earnings,
            Map<AvFunction, List<StatementReport>> statements) {
        this(ticker, bars, splits, earnings, statements, null);
    }

    /** The annual reports of one statement, empty when there are none. */
    public List<StatementReport> annual(AvFunction function) {
        return annualStatements.getOrDefault(function, List.of());
    }

    /** The same data with these annual reports. */
    public TickerData withAnnualStatements(Map<AvFunction, List<StatementReport>> annual) {
        return new TickerData(ticker, bars, splits, earnings, statements, overview, annual, vintages);
    }

    private static Map<AvFunction, List<StatementReport>> copy(Map<AvFunction, List<StatementReport>> statements) {
        Map<AvFunction, List<StatementReport>> copy = new EnumMap<>(AvFunction.class);
        if (statements != null) {
            statements.forEach((f, reports) -> copy.put(f, reports == null ? List.of() : List.copyOf(reports)));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The reports of one statement, empty when there are none. */
    public List<StatementReport> statement(AvFunction function) {
        return statements.getOrDefault(function, List.of());
    }
}
