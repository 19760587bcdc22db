package org.avpipeline.run;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CompanyOverview;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerLoader;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.StoredAnswer;

/**
 * Reads one ticker's six stored answers (and its OVERVIEW, when stored) from the raw store and parses them into {@link TickerData}. A data type that
 * was never stored is an empty list (the ticker simply lacks it); a stored answer that cannot be read or parsed fails
 * the ticker with a message naming the data type.
 */
public final class RawTickerLoader implements TickerLoader {
    private final RawStore store;

    public RawTickerLoader(RawStore store) {
        this.store = store;
    }

    @Override
    public TickerData load(String ticker) throws IOException {
        List<DailyBar> bars = read(ticker, AvFunction.TIME_SERIES_DAILY_ADJUSTED)
                .map(AnswerParsers::parseDailyAdjusted).orElse(List.of());
        List<Split> splits = read(ticker, AvFunction.SPLITS).map(AnswerParsers::parseSplits).orElse(List.of());
        List<EarningsReport> earnings = read(ticker, AvFunction.EARNINGS)
                .map(AnswerParsers::parseEarnings).orElse(List.of());
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        for (AvFunction statement : AvFunction.STATEMENTS) {
            statements.put(statement, read(ticker, statement)
                    .map(body -> AnswerParsers.parseStatement(statement, body)).orElse(List.of()));
        }
        CompanyOverview overview = null;
        Optional<StoredAnswer> stored = readAnswer(ticker, AvFunction.OVERVIEW);
        if (stored.isPresent()) {
            CompanyOverview parsed = AnswerParsers.parseOverview(stored.get().body()); // null: a fund's {}
            overview = parsed == null ? null : parsed.withFetchedAt(stored.get().metadata().fetchedAt());
        }
        return new TickerData(ticker, bars, splits, earnings, statements, overview);
    }

    private Optional<byte[]> read(String ticker, AvFunction function) throws IOException {
        return readAnswer(ticker, function).map(StoredAnswer::body);
    }

    private Optional<StoredAnswer> readAnswer(String ticker, AvFunction function) throws IOException {
        try {
            return store.read(RawKey.of(ticker, function));
        } catch (IOException e) {
            throw new IOException(function + ": stored answer unreadable: " + e.getMessage(), e);
        }
    }
}
