package org.avpipeline.alphavantage;

import java.util.List;

/** The Alpha Vantage functions the pipeline uses, with the top-level key that marks an answer as data. */
public enum AvFunction {
    ETF_PROFILE("holdings", false),
    TIME_SERIES_DAILY_ADJUSTED("Time Series (Daily)", true),
    SPLITS("data", false),
    EARNINGS("quarterlyEarnings", false),
    INCOME_STATEMENT("quarterlyReports", false),
    BALANCE_SHEET("quarterlyReports", false),
    CASH_FLOW("quarterlyReports", false),
    /** The company's description (sector, industry, exchange, ...): one object of strings; {@code {}} for an ETF. */
    OVERVIEW("Symbol", false),
    /**
     * The market's upcoming reports (one call for every ticker, {@code horizon=3month|6month|12month}). The only
     * function that answers CSV ({@code symbol,name,reportDate,fiscalDateEnding,estimate,currency}); its data key is
     * the header's first column.
     */
    EARNINGS_CALENDAR("symbol", false);

    /** The six functions fetched for every ticker of the universe, in fetch order. */
    public static final List<AvFunction> PER_TICKER = List.of(TIME_SERIES_DAILY_ADJUSTED, SPLITS, EARNINGS,
            INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW);

    /** The company descriptions, fetched for the company profiles beside the panel (artifact.md). */
    public static final List<AvFunction> COMPANY = List.of(OVERVIEW);

    /** The three financial statements. */
    public static final List<AvFunction> STATEMENTS = List.of(INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW);

    private final String dataKey;
    private final boolean fullOutput;

    AvFunction(String dataKey, boolean fullOutput) {
        this.dataKey = dataKey;
        this.fullOutput = fullOutput;
    }

    /** The top-level JSON key whose presence makes an answer data rather than a message. */
    public String dataKey() {
        return dataKey;
    }

    /** Whether the answer is CSV rather than JSON. */
    public boolean csv() {
        return this == EARNINGS_CALENDAR;
    }

    /** Whether the request asks for {@code outputsize=full}. */
    public boolean fullOutput() {
        return fullOutput;
    }

    /**
     * How logs and summaries name one request of this function, so that the ticker is told apart from the data type:
     * "ticker GONE, TIME_SERIES_DAILY_ADJUSTED", "ETF QQQ, ETF_PROFILE", "EARNINGS_CALENDAR".
     */
    public String request(String symbol) {
        return this == EARNINGS_CALENDAR ? name() : (this == ETF_PROFILE ? "ETF " : "ticker ") + symbol + ", " + name();
    }
}
