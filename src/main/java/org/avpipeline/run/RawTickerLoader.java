package org.avpipeline.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CompanyOverview;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.alphavantage.ReportMemo;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerLoader;
import org.avpipeline.panel.TickerVintages;
import org.avpipeline.panel.Vintage;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.StoredAnswer;

/**
 * Reads one ticker's six stored answers (and its OVERVIEW, when stored) from the raw store and parses them into {@link TickerData}. A data type that
 * was never stored is an empty list (the ticker simply lacks it); so is a stored answer that cannot be read, is
 * damaged (gzip's CRC-32 and length; {@link RawStore#readIntact}) or does not parse: that data type alone is lost (a ticker with good prices stays in the artifact),
 * and the loss is recorded in {@link #damaged()} for the summary, the manifest and the report.
 */
public final class RawTickerLoader implements TickerLoader {
    private final RawStore store;
    private final boolean verified;
    private final List<DamagedAnswer> damaged = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Set<AvFunction>> usable = new java.util.concurrent.ConcurrentHashMap<>();

    /** For a build right after a fetch that verified what it kept: gzip's CRC-32 and length only. */
    public RawTickerLoader(RawStore store) {
        this(store, false);
    }

    /**
     * @param verified whether every answer is verified as the fetch verifies it ({@code build}, which reads a store
     *     no fetch has just checked): its metadata present, the body matching the metadata's SHA-256
     *     ({@link RawStore#read}), parsing; an answer stored without its metadata (or metadata without its answer)
     *     is then a damaged answer, not an absent one
     */
    public RawTickerLoader(RawStore store, boolean verified) {
        this.store = store;
        this.verified = verified;
    }

    @Override
    public TickerData load(String ticker) throws IOException {
        List<DailyBar> bars = read(ticker, AvFunction.TIME_SERIES_DAILY_ADJUSTED, AnswerParsers::parseDailyAdjusted);
        List<Split> splits = read(ticker, AvFunction.SPLITS, AnswerParsers::parseSplits);
        List<EarningsReport> earnings = read(ticker, AvFunction.EARNINGS, AnswerParsers::parseEarnings);
        RawKey earningsKey = RawKey.of(ticker, AvFunction.EARNINGS);
        List<Vintage<EarningsReport>> earningsVintages = vintages(earningsKey, kept(earningsKey),
                AnswerParsers::parseEarnings, body -> List.of(), earnings, List.of());
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<StatementReport>> annual = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<Vintage<StatementReport>>> statementVintages = new EnumMap<>(AvFunction.class);
        for (AvFunction statement : AvFunction.STATEMENTS) {
            RawKey key = RawKey.of(ticker, statement);
            List<AnswerMetadata> kept = kept(key);
            // one memo for all of the statement's answers: most of their reports are the same bytes (ReportMemo)
            ReportMemo memo = kept.isEmpty() ? null : new ReportMemo(statement);
            Function<byte[], List<StatementReport>> parser = body -> AnswerParsers.parseStatement(statement, body, memo);
            Function<byte[], List<StatementReport>> annualParser = body -> annualReports(statement, body, memo);
            List<List<StatementReport>> both = read(ticker, statement, body -> List.of(
                    parser.apply(body), annualParser.apply(body)));
            statements.put(statement, both.isEmpty() ? List.of() : both.get(0));
            annual.put(statement, both.isEmpty() ? List.of() : both.get(1));
            statementVintages.put(statement, vintages(key, kept, parser, annualParser, statements.get(statement),
                    annual.get(statement)));
        }
        TickerVintages vintages = new TickerVintages(earningsVintages, statementVintages);
        List<CompanyOverview> overview = read(ticker, AvFunction.OVERVIEW, body -> {
            CompanyOverview parsed = AnswerParsers.parseOverview(body); // null: a fund's {}
            return parsed == null ? List.of() : List.of(parsed);
        });
        CompanyOverview profile = overview.isEmpty() ? null
                : overview.get(0).withFetchedAt(fetchedAt(ticker, AvFunction.OVERVIEW));
        return new TickerData(ticker, bars, splits, earnings, statements, profile, annual,
                vintages.several() ? vintages : TickerVintages.NONE);
    }

    /**
     * The annual reports the checks need (pipeline.md §4.1: income statement and cash flow), none for the balance
     * sheet; an unreadable annual list costs the checks only, never the quarters.
     */
    private static List<StatementReport> annualReports(AvFunction statement, byte[] body, ReportMemo memo) {
        if (statement == AvFunction.BALANCE_SHEET) {
            return List.of();
        }
        try {
            return AnswerParsers.parseAnnualStatement(statement, body, memo);
        } catch (MalformedAnswerException | IllegalArgumentException | IllegalStateException e) {
            return List.of();
        }
    }

    /**
     * The records of the kept vintages of a vintaged function (pipeline.md §8a), empty when none is kept (the usual
     * case: one listing of an absent folder) or when they cannot be read (recorded in {@link #damaged()}).
     */
    private List<AnswerMetadata> kept(RawKey key) throws IOException {
        try {
            return store.vintageRecords(key);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            damaged.add(new DamagedAnswer(key.symbol(), key.function(), "kept vintages unreadable: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Every stored answer of a vintaged function, parsed (its rows and, of a statement, its annual reports), with
     * when it was first fetched (pipeline.md §8a): the kept vintages ({@code kept}, their records) and the current
     * answer ({@code current} and {@code currentAnnual}, as just read). Empty when none is kept. Of consecutive answers
     * whose records say they hold the same values ({@link AnswerMetadata#sameValuesAs}) one is read (none when the
     * current answer is among them) and its rows are theirs: what reading each would give. A kept vintage that cannot
     * be read or parsed is left out (with the answers equal to it in values) and recorded in {@link #damaged()}.
     */
    private <T> List<Vintage<T>> vintages(RawKey key, List<AnswerMetadata> kept, Function<byte[], List<T>> parser,
            Function<byte[], List<StatementReport>> annualParser, List<T> current, List<StatementReport> currentAnnual)
            throws IOException {
        if (kept.isEmpty()) {
            return List.of();
        }
        Optional<AnswerMetadata> meta = store.metadata(key);
        List<AnswerMetadata> answers = new ArrayList<>(kept);
        meta.ifPresent(answers::add);
        List<Vintage<T>> out = new ArrayList<>(answers.size());
        for (int first = 0, last; first < answers.size(); first = last + 1) {
            last = first;
            while (last + 1 < answers.size() && answers.get(last).sameValuesAs(answers.get(last + 1))) {
                last++;
            }
            List<T> rows;
            List<StatementReport> annualRows;
            if (meta.isPresent() && last == answers.size() - 1) {
                rows = current;
                annualRows = currentAnnual;
            } else {
                AnswerMetadata read = answers.get(last);
                try {
                    Optional<StoredAnswer> answer = store.vintage(key, read);
                    if (answer.isEmpty()) {
                        continue;
                    }
                    rows = parser.apply(answer.get().body());
                    annualRows = annualParser.apply(answer.get().body());
                } catch (IOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    damaged.add(new DamagedAnswer(key.symbol(), key.function(), "kept vintage of "
                            + read.firstFetchedAt() + " unreadable: " + e.getMessage()));
                    continue;
                } catch (MalformedAnswerException | IllegalArgumentException | IllegalStateException e) {
                    damaged.add(new DamagedAnswer(key.symbol(), key.function(), "kept vintage of "
                            + read.firstFetchedAt() + " does not parse: " + e.getMessage()));
                    continue;
                }
            }
            rows = List.copyOf(rows); // one list for the whole run: its answers compare equal at once
            annualRows = List.copyOf(annualRows);
            for (int i = first; i <= last; i++) {
                out.add(new Vintage<>(answers.get(i).firstFetchedAt(), answers.get(i).fetchedAt(), rows, annualRows));
            }
        }
        return out;
    }

    /** When the stored answer was fetched (the metadata was just read with it; null if it is gone since). */
    private java.time.Instant fetchedAt(String ticker, AvFunction function) throws IOException {
        return store.metadata(RawKey.of(ticker, function)).map(m -> m.fetchedAt()).orElse(null);
    }

    /** Per ticker loaded so far, the data types whose stored answer was read and parsed (an empty list counts). */
    public Map<String, Set<AvFunction>> usable() {
        Map<String, Set<AvFunction>> out = new java.util.TreeMap<>();
        usable.forEach((ticker, types) -> {
            synchronized (types) {
                out.put(ticker, Set.copyOf(types));
            }
        });
        return out;
    }

    /** The stored answers that could not be used so far, by ticker and data type. */
    public List<DamagedAnswer> damaged() {
        synchronized (damaged) {
            List<DamagedAnswer> out = new ArrayList<>(damaged);
            out.sort(Comparator.comparing(DamagedAnswer::ticker).thenComparing(DamagedAnswer::dataType));
            return List.copyOf(out);
        }
    }

    private <T> List<T> read(String ticker, AvFunction function, Function<byte[], List<T>> parser)
            throws IOException {
        Optional<StoredAnswer> answer;
        try {
            RawKey key = RawKey.of(ticker, function);
            answer = verified ? store.read(key) : store.readIntact(key);
            if (answer.isEmpty() && verified) {
                Optional<String> half = store.incomplete(key);
                if (half.isPresent()) {
                    damaged.add(new DamagedAnswer(ticker, function, half.get()));
                    return List.of();
                }
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException(function + ": stored answer unreadable: " + e.getMessage(), e);
            }
            damaged.add(new DamagedAnswer(ticker, function, String.valueOf(e.getMessage())));
            return List.of();
        }
        if (answer.isEmpty()) {
            return List.of();
        }
        try {
            List<T> parsed = parser.apply(answer.get().body());
            usable.computeIfAbsent(ticker, t -> Collections.synchronizedSet(java.util.EnumSet.noneOf(AvFunction.class)))
                    .add(function);
            return parsed;
        } catch (MalformedAnswerException | IllegalArgumentException | IllegalStateException e) {
            damaged.add(new DamagedAnswer(ticker, function, "does not parse: " + e.getMessage()));
            return List.of();
        }
    }
}
