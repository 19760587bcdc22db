package org.avpipeline.fetch;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.StoredAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what {@link RefreshPolicy} needs and asks it: the stored answers' metadata, the stored earnings and the
 * newest quarter of each stored statement (only for tickers whose reports matter; tickers in parallel, in the fetch's
 * threads), and the earnings calendars (the
 * stored one, and a new one fetched in one call, {@value #HORIZON}, when any ticker's reports matter; the new one is
 * stored for the next run). A calendar that cannot be fetched leaves the stored earnings as the predictor.
 */
final class RefreshPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshPlanner.class);
    /** The calendar's horizon: the next report of every ticker that reports within a quarter. */
    static final String HORIZON = "3month";

    /**
     * What the planner decided, what became of the calendar request (null when none was made), when each
     * ticker's stored splits were fetched (for {@link RefreshPolicy#afterPrices}), and the newest quarter of each
     * ticker's stored statements, where they were read (for {@link RefreshPolicy#afterIncomeStatement}).
     */
    record Plan(List<TickerRefresh> tickers, DataTypeTally calendar, Map<String, Instant> splitsFetchedAt,
            Map<String, Map<AvFunction, LocalDate>> storedQuarters) {}

    private final AlphaVantageClient client;
    private final RawStore store;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final int concurrency;

    RefreshPlanner(AlphaVantageClient client, RawStore store, FetchPolicy policy, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = new RefreshPolicy(policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.concurrency = policy.concurrency();
    }

    RefreshPolicy policy() {
        return policy;
    }

    Plan plan(List<String> tickers, List<AvFunction> functions) throws InterruptedException {
        Instant now = clock.instant();
        List<Map<AvFunction, Instant>> fetchedAt = TickerTasks.forEach(concurrency, tickers, t -> {
            Map<AvFunction, Instant> at = new EnumMap<>(AvFunction.class);
            for (AvFunction f : functions) {
                fetchedAt(t, f).ifPresent(w -> at.put(f, w));
            }
            return at;
        });
        boolean needsCalendar = fetchedAt.stream().anyMatch(at -> reportsMatter(at, functions, now));
        EarningsCalendar calendar = EarningsCalendar.none();
        DataTypeTally calendarTally = null;
        if (needsCalendar) {
            EarningsCalendars.Result c = new EarningsCalendars(client, store).read(now);
            calendar = c.calendar();
            calendarTally = c.tally();
        }
        Map<String, Map<AvFunction, Instant>> byTicker = new HashMap<>();
        Map<String, Instant> splitsFetchedAt = new HashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            byTicker.put(tickers.get(i), fetchedAt.get(i));
            if (fetchedAt.get(i).containsKey(AvFunction.SPLITS)) {
                splitsFetchedAt.put(tickers.get(i), fetchedAt.get(i).get(AvFunction.SPLITS));
            }
        }
        EarningsCalendar known = calendar;
        List<StoredTicker> stored = TickerTasks.forEach(concurrency, tickers, t -> {
            Map<AvFunction, Instant> at = byTicker.get(t);
            return reportsMatter(at, functions, now) ? readReports(t, at) : new StoredTicker(at, List.of(), Map.of());
        });
        Map<String, StoredTicker> storedByTicker = new HashMap<>();
        Map<String, Map<AvFunction, LocalDate>> storedQuarters = new HashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            storedByTicker.put(tickers.get(i), stored.get(i));
            storedQuarters.put(tickers.get(i), stored.get(i).newestQuarter());
        }
        // The kept answers are verified in the fetch's threads too (a remote store answers each read in milliseconds).
        List<TickerRefresh> out = TickerTasks.forEach(concurrency, tickers,
                t -> verifyKept(policy.decide(t, functions, storedByTicker.get(t), known, now)));
        return new Plan(out, calendarTally, splitsFetchedAt, storedQuarters);
    }

    /**
     * A stored answer counts only when it can be used (issue of damaged stores): every answer the decisions keep is
     * read and verified ({@link StoredAnswerCheck}: metadata, SHA-256, parses as its function's answer); a damaged
     * one is fetched again, with the damage as the decision's detail.
     */
    private TickerRefresh verifyKept(TickerRefresh ticker) throws InterruptedException {
        List<RefreshDecision> checked = new ArrayList<>(ticker.decisions().size());
        boolean changed = false;
        for (RefreshDecision d : ticker.decisions()) {
            if (!d.reason().fetches()) {
                String damage = damage(ticker.ticker(), d.function());
                if (damage != null) {
                    LOG.warn("{} {}: the stored answer is damaged ({}); fetching it again", d.function(),
                            ticker.ticker(), damage);
                    d = new RefreshDecision(d.function(), RefreshReason.DAMAGED, damage);
                    changed = true;
                }
            }
            checked.add(d);
        }
        return changed ? new TickerRefresh(ticker.ticker(), checked) : ticker;
    }

    /** Why the stored answer cannot be used, or null when it can (or none is stored). */
    private String damage(String ticker, AvFunction f) throws InterruptedException {
        try {
            StoredAnswerCheck.Result r = StoredAnswerCheck.read(store, RawKey.of(ticker, f));
            return r.damaged() ? r.damage() : null;
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            return e.getMessage();
        }
    }

    private boolean reportsMatter(Map<AvFunction, Instant> at, List<AvFunction> functions, Instant now) {
        return functions.stream().anyMatch(f -> policy.needsCalendar(f, Optional.ofNullable(at.get(f)), now));
    }

    /** A ticker's splits decision once its new prices are in ({@link RefreshPolicy#afterPrices}). */
    RefreshDecision afterPrices(Plan plan, TickerRefresh ticker, List<LocalDate> newSplitDays)
            throws InterruptedException {
        Instant fetchedAt = plan.splitsFetchedAt().get(ticker.ticker());
        return policy.afterPrices(ticker.decision(AvFunction.SPLITS), fetchedAt, newSplitDays,
                storedSplitDays(ticker.ticker(), fetchedAt, newSplitDays));
    }

    /**
     * The effective dates in the stored splits, read only when the new prices show a split on or after the day they
     * were fetched (otherwise empty: nothing to compare).
     */
    private List<LocalDate> storedSplitDays(String ticker, Instant fetchedAt,
            List<LocalDate> newSplitDays) throws InterruptedException {
        LocalDate fetchedDay = fetchedAt == null ? null
                : LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
        if (fetchedDay == null || newSplitDays.stream().allMatch(d -> d.isBefore(fetchedDay))) {
            return List.of();
        }
        try {
            Optional<StoredAnswer> stored = store.read(RawKey.of(ticker, AvFunction.SPLITS));
            return stored.isEmpty() ? List.of() : AnswerParsers.parseSplits(stored.get().body()).stream()
                    .map(Split::effectiveDate).toList();
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            return List.of();
        } catch (MalformedAnswerException e) {
            return List.of();
        }
    }

    /**
     * A balance sheet's or cash flow's decision once the ticker's new income statement is in
     * ({@link RefreshPolicy#afterIncomeStatement}); {@code incomeFetched}: whether it was fetched and stored.
     */
    RefreshDecision afterIncomeStatement(Plan plan, TickerRefresh ticker, AvFunction waiting, boolean incomeFetched)
            throws InterruptedException {
        LocalDate newIncome = incomeFetched ? newestQuarter(ticker.ticker(), AvFunction.INCOME_STATEMENT) : null;
        LocalDate stored = plan.storedQuarters().getOrDefault(ticker.ticker(), Map.of()).get(waiting);
        return RefreshPolicy.afterIncomeStatement(ticker.decision(waiting), newIncome, stored);
    }

    /** The newest fiscal quarter of a stored statement; null when none is stored or it is unusable. */
    private LocalDate newestQuarter(String ticker, AvFunction statement) throws InterruptedException {
        Optional<byte[]> body = body(ticker, statement);
        if (body.isEmpty()) {
            return null;
        }
        try {
            return AnswerParsers.parseStatement(statement, body.get()).stream().map(StatementReport::fiscalDateEnding)
                    .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        } catch (MalformedAnswerException e) {
            return null;
        }
    }

    /** The days of a daily series with a split coefficient other than 1. */
    static List<LocalDate> splitDays(byte[] body) {
        List<LocalDate> days = new ArrayList<>();
        for (DailyBar bar : AnswerParsers.parseDailyAdjusted(body)) {
            double c = bar.splitCoefficient();
            if (!Double.isNaN(c) && c != 1.0) {
                days.add(bar.date());
            }
        }
        return days;
    }

    private Optional<Instant> fetchedAt(String ticker, AvFunction f) throws InterruptedException {
        try {
            return store.metadata(RawKey.of(ticker, f)).map(AnswerMetadata::fetchedAt);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a storable symbol: the fetch reports it
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            LOG.warn("{} {}: unreadable metadata ({}); fetching again", f, ticker, e.getMessage());
            return Optional.empty();
        }
    }

    /** The stored earnings and statements' newest quarters; an unreadable one counts as not stored. */
    private StoredTicker readReports(String ticker, Map<AvFunction, Instant> at) throws InterruptedException {
        Map<AvFunction, Instant> usable = new EnumMap<>(AvFunction.class);
        usable.putAll(at);
        List<EarningsReport> earnings = List.of();
        Map<AvFunction, LocalDate> newest = new EnumMap<>(AvFunction.class);
        if (at.containsKey(AvFunction.EARNINGS)) {
            Optional<byte[]> body = body(ticker, AvFunction.EARNINGS);
            try {
                earnings = body.map(AnswerParsers::parseEarnings).orElse(null);
            } catch (MalformedAnswerException e) {
                earnings = null;
            }
            if (earnings == null) {
                usable.remove(AvFunction.EARNINGS);
                earnings = List.of();
            }
        }
        for (AvFunction s : AvFunction.STATEMENTS) {
            if (!at.containsKey(s)) {
                continue;
            }
            Optional<byte[]> body = body(ticker, s);
            try {
                if (body.isEmpty()) {
                    usable.remove(s);
                    continue;
                }
                for (StatementReport r : AnswerParsers.parseStatement(s, body.get())) {
                    LocalDate d = r.fiscalDateEnding();
                    if (d != null && (newest.get(s) == null || d.isAfter(newest.get(s)))) {
                        newest.put(s, d);
                    }
                }
            } catch (MalformedAnswerException e) {
                usable.remove(s);
            }
        }
        return new StoredTicker(usable, earnings, newest);
    }

    private Optional<byte[]> body(String ticker, AvFunction f) throws InterruptedException {
        try {
            return store.read(RawKey.of(ticker, f)).map(StoredAnswer::body);
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            LOG.warn("{} {}: the stored answer is unusable ({}); fetching it again", f, ticker, e.getMessage());
            return Optional.empty();
        }
    }
}
