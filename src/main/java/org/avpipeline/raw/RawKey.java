package org.avpipeline.raw;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * Where one stored answer lives: {@code raw/<TICKER>/<FUNCTION>.json.gz}, or {@code raw/_etf/<ETF>/ETF_PROFILE.json.gz}
 * for an ETF profile, with its metadata record beside it ({@code .meta.json}). The same relative paths serve a local
 * directory and an S3 prefix.
 */
public record RawKey(String symbol, AvFunction function) {
    public RawKey {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(function, "function");
        symbol = symbol.toUpperCase(Locale.ROOT);
        if (symbol.isEmpty() || symbol.contains("/") || symbol.contains("\\") || symbol.equals(".")
                || symbol.equals("..")) {
            throw new IllegalArgumentException("not a storable symbol: '" + symbol + "'");
        }
    }

    public static RawKey of(String ticker, AvFunction function) {
        return new RawKey(ticker, function);
    }

    public static RawKey etfProfile(String etf) {
        return new RawKey(etf, AvFunction.ETF_PROFILE);
    }

    /** The market's earnings calendar, {@code raw/_market/EARNINGS_CALENDAR.csv.gz} (the latest one fetched). */
    public static RawKey earningsCalendar() {
        return new RawKey("MARKET", AvFunction.EARNINGS_CALENDAR);
    }

    /** The functions whose earlier answers are kept as vintages (alpha-vantage.md, "Vintages"). */
    public static final Set<AvFunction> VINTAGED = Set.of(AvFunction.INCOME_STATEMENT, AvFunction.BALANCE_SHEET,
            AvFunction.CASH_FLOW, AvFunction.EARNINGS);

    private static final DateTimeFormatter VINTAGE_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Whether an answer replaced by one of other content is kept as a vintage. */
    public boolean vintaged() {
        return VINTAGED.contains(function);
    }

    /** The folder of this answer's kept vintages, e.g. {@code raw/AAPL/_vintages/EARNINGS/}. */
    public String vintageFolder() {
        return folder() + "/_vintages/" + function.name() + "/";
    }

    /**
     * Where the vintage first fetched at {@code firstFetchedAt} lives, e.g.
     * {@code raw/AAPL/_vintages/EARNINGS/20241013T060100Z.json.gz}.
     */
    public String vintageAnswerPath(Instant firstFetchedAt) {
        return vintageFolder() + VINTAGE_NAME.format(firstFetchedAt) + ".json.gz";
    }

    /** The vintage's metadata record, e.g. {@code raw/AAPL/_vintages/EARNINGS/20241013T060100Z.meta.json}. */
    public String vintageMetadataPath(Instant firstFetchedAt) {
        return vintageFolder() + VINTAGE_NAME.format(firstFetchedAt) + ".meta.json";
    }

    private String folder() {
        return function == AvFunction.ETF_PROFILE ? "raw/_etf/" + symbol
                : function == AvFunction.EARNINGS_CALENDAR ? "raw/_market" : "raw/" + symbol;
    }

    /** The answer's path relative to the store's root, e.g. {@code raw/AAPL/EARNINGS.json.gz}. */
    public String answerPath() {
        return folder() + "/" + function.name() + (function.csv() ? ".csv.gz" : ".json.gz");
    }

    /** The metadata record's path relative to the store's root, e.g. {@code raw/AAPL/EARNINGS.meta.json}. */
    public String metadataPath() {
        return folder() + "/" + function.name() + ".meta.json";
    }
}
