package org.avpipeline.alphavantage;

import java.util.List;

/**
 * Reads Alpha Vantage data answers (the body as received) into records. Numbers arrive as strings; "None", "" and
 * "-" become NaN (or null for dates); anything unreadable is a {@link MalformedAnswerException}. Non-data answers
 * ({@code {}}, {@code Note}, {@code Information}, {@code Error Message}) are for {@link AnswerClassifier}, not for
 * these methods.
 */
public final class AnswerParsers {
    private AnswerParsers() {}

    /** ETF_PROFILE: the holdings in answer order, symbols as answered (may be "n/a" or empty). */
    public static EtfProfile parseEtfProfile(String etf, byte[] body) {
        return EtfProfileParser.parse(etf, body);
    }

    /** TIME_SERIES_DAILY_ADJUSTED: bars in ascending date order; a repeated date keeps its first bar. */
    public static List<DailyBar> parseDailyAdjusted(byte[] body) {
        return DailySeriesParser.parse(body);
    }

    /** SPLITS: in answer order. */
    public static List<Split> parseSplits(byte[] body) {
        return SplitsParser.parse(body);
    }

    /** EARNINGS: {@code quarterlyEarnings} in answer order, a repeated fiscal date keeping its first row. */
    public static List<EarningsReport> parseEarnings(byte[] body) {
        return EarningsParser.parse(body);
    }

    /** INCOME_STATEMENT, BALANCE_SHEET or CASH_FLOW: {@code quarterlyReports} in answer order, first per date. */
    public static List<StatementReport> parseStatement(AvFunction function, byte[] body) {
        return StatementParser.parse(function, body);
    }

    /**
     * The same, for one of several answers of the statement (its vintages, pipeline.md §8a): a report whose bytes an
     * earlier answer parsed with the same {@code memo} is that answer's report, the same instance.
     */
    public static List<StatementReport> parseStatement(AvFunction function, byte[] body, ReportMemo memo) {
        return StatementParser.parse(function, body, memo);
    }

    /**
     * INCOME_STATEMENT, BALANCE_SHEET or CASH_FLOW: {@code annualReports} in answer order, first per date; empty when
     * the answer has none. Only for checking the quarters (pipeline.md §4.1), never a panel value.
     */
    public static List<StatementReport> parseAnnualStatement(AvFunction function, byte[] body) {
        return StatementParser.parseAnnual(function, body);
    }

    /** The same for one of several answers of the statement, as {@link #parseStatement(AvFunction, byte[], ReportMemo)}. */
    public static List<StatementReport> parseAnnualStatement(AvFunction function, byte[] body, ReportMemo memo) {
        return StatementParser.parseAnnual(function, body, memo);
    }

    /** EARNINGS_CALENDAR: the rows of the CSV in answer order (rows without a symbol or report date dropped). */
    public static List<CalendarEntry> parseEarningsCalendar(byte[] body) {
        return EarningsCalendarParser.parse(body);
    }

    /**
     * OVERVIEW: the company's identity and classification; "None", "" and "-" are missing; null for {@code {}}, the
     * answer for a fund or ETF.
     */
    public static CompanyOverview parseOverview(byte[] body) {
        return OverviewParser.parse(body);
    }

    /**
     * Parses a data answer of any function and discards the result: throws {@link MalformedAnswerException} when
     * the answer could not be read later. The fetch uses it so that only readable answers are stored.
     */
    public static void check(AvFunction function, String symbol, byte[] body) {
        switch (function) {
            case ETF_PROFILE: parseEtfProfile(symbol, body); break;
            case TIME_SERIES_DAILY_ADJUSTED: parseDailyAdjusted(body); break;
            case SPLITS: parseSplits(body); break;
            case EARNINGS: parseEarnings(body); break;
            case OVERVIEW: parseOverview(body); break;
            case EARNINGS_CALENDAR: parseEarningsCalendar(body); break;
            default: parseStatement(function, body); break;
        }
    }
}
