package org.avpipeline.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CalendarEntry;
import org.avpipeline.alphavantage.EarningsReport;

/**
 * Which of a ticker's data types a run fetches, and why: the one place of the weekly refresh rules. Pure: the
 * decision is a function of the policy's settings, what the store holds ({@link StoredTicker}), the calendars
 * ({@link EarningsCalendar}) and the time.
 *
 * <ol>
 *   <li>{@code --refresh} fetches everything; an answer not stored is fetched; an answer younger than {@code --max-age}
 *       is kept (a rerun within the week fetches nothing again).</li>
 *   <li>Daily prices are fetched in every run.</li>
 *   <li>Earnings and the three statements are fetched when a report date of the ticker fell after the day the stored
 *       answer was fetched (either calendar); when a report of the last {@value #RECENT_REPORT_DAYS} days (calendar
 *       or stored earnings) is for a quarter the stored answer lacks (Alpha Vantage adds statements days after the
 *       report); when the stored calendar does not vouch for the ticker ({@link EarningsCalendar#previousLists}) and
 *       the report predicted from the stored earnings (the same quarter a year before plus 52 weeks, else the last
 *       report plus 91 days) is due (from {@value #EARLY_DAYS} days before to {@value #RECENT_REPORT_DAYS} days after,
 *       until the stored earnings show it), unless a calendar lists the next report, still to come, as the one that
 *       follows the last stored report; and when older than {@code --max-statement-age}, unless the calendar lists a
 *       report within {@value #POSTPONE_DAYS} days (its fetch renews them).</li>
 *   <li>A balance sheet or cash flow fetched for a report (reported, quarter missing or predicted) while the income
 *       statement is fetched too waits for it ({@link #waitsForIncomeStatement}): it is fetched in a later round of
 *       the same run only when the new income statement holds a quarter the stored one lacks, or the income
 *       statement could not be fetched ({@link #afterIncomeStatement}); otherwise it is kept
 *       ({@link RefreshReason#WAITING}) and judged again next run. Alpha Vantage adds a quarter to the three
 *       statements on the same day, so a fetch before that day would bring back what is stored.</li>
 *   <li>Splits are fetched when the new prices show a split coefficient other than 1 on or after the day the stored
 *       splits were fetched ({@link #afterPrices}), or when older than {@code --max-statement-age}.</li>
 *   <li>Any other data type is fetched when it is not younger than {@code --max-age}.</li>
 * </ol>
 */
public final class RefreshPolicy {
    /** How long after a report a quarter missing from the stored answers is chased, and a predicted report awaited. */
    public static final int RECENT_REPORT_DAYS = 28;
    /** How many days before a predicted report date the fetch starts. */
    public static final int EARLY_DAYS = 7;
    /**
     * An answer older than the statement age is not fetched when the calendar lists a report within this many days
     * (that report's fetch renews it), for at most this many days past the age.
     */
    public static final int POSTPONE_DAYS = 14;
    /** A report at most this many days after another one is the next one (quarterly reports are ~91 days apart). */
    static final int FOLLOWING_REPORT_DAYS = 140;
    /** A calendar's fiscal date and a statement's may differ by this much (52/53-week years). */
    static final int FISCAL_TOLERANCE_DAYS = 20;

    private final FetchPolicy policy;

    public RefreshPolicy(FetchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Earnings and the three statements: the data types that change when a company reports. */
    public static boolean reportDriven(AvFunction f) {
        return f == AvFunction.EARNINGS || AvFunction.STATEMENTS.contains(f);
    }

    /** The age after which a data type is fetched even when nothing says it changed. */
    public Duration ageLimit(AvFunction f) {
        if (f == AvFunction.OVERVIEW) {
            return policy.maxAgeOf(f);
        }
        return reportDriven(f) || f == AvFunction.SPLITS ? policy.maxStatementAge() : policy.maxAge();
    }

    /**
     * Whether the calendar matters for a data type as stored: stored, not fresh, not too old, and driven by reports.
     */
    public boolean needsCalendar(AvFunction f, Optional<Instant> fetchedAt, Instant now) {
        if (policy.refresh() || fetchedAt.isEmpty() || !reportDriven(f)) {
            return false;
        }
        Duration age = Duration.between(fetchedAt.get(), now);
        return age.compareTo(policy.maxAge()) >= 0 && age.compareTo(ageLimit(f)) < 0;
    }

    /** The decisions for a ticker's data types ({@code functions}, in order). */
    public TickerRefresh decide(String ticker, List<AvFunction> functions, StoredTicker stored,
            EarningsCalendar calendar, Instant now) {
        List<RefreshDecision> out = new ArrayList<>();
        for (AvFunction f : functions) {
            out.add(decide(ticker, f, stored, calendar, now));
        }
        return new TickerRefresh(ticker, out);
    }

    /**
     * The splits decision once the new prices are in: {@link RefreshReason#SPLIT} when they show a split on or after
     * the day the stored splits were fetched that the stored splits ({@code storedSplitDays}, their effective dates)
     * do not list; otherwise the decision made before.
     */
    public RefreshDecision afterPrices(RefreshDecision splits, Instant splitsFetchedAt, List<LocalDate> splitDays,
            List<LocalDate> storedSplitDays) {
        if (splits.reason() != RefreshReason.UNCHANGED || splitsFetchedAt == null) {
            return splits;
        }
        LocalDate fetchedDay = day(splitsFetchedAt);
        for (LocalDate d : splitDays) {
            if (!d.isBefore(fetchedDay) && !storedSplitDays.contains(d)) {
                return new RefreshDecision(AvFunction.SPLITS, RefreshReason.SPLIT, "split on " + d
                        + ", stored splits fetched " + fetchedDay);
            }
        }
        return splits;
    }

    /**
     * The balance sheet and cash flow of a ticker whose fetch waits for the new income statement: those fetched for a
     * report ({@link RefreshReason#REPORTED}, {@link RefreshReason#QUARTER_MISSING}, {@link RefreshReason#PREDICTED})
     * while the income statement is fetched in this run too.
     */
    public static List<AvFunction> waitsForIncomeStatement(TickerRefresh ticker) {
        RefreshDecision income = ticker.decision(AvFunction.INCOME_STATEMENT);
        if (income == null || !income.fetch()) {
            return List.of();
        }
        List<AvFunction> out = new ArrayList<>();
        for (AvFunction f : List.of(AvFunction.BALANCE_SHEET, AvFunction.CASH_FLOW)) {
            RefreshDecision d = ticker.decision(f);
            if (d != null && PROBED.contains(d.reason())) {
                out.add(f);
            }
        }
        return out;
    }

    /** The reasons whose balance sheet and cash flow fetches wait for the income statement. */
    private static final Set<RefreshReason> PROBED = EnumSet.of(RefreshReason.REPORTED,
            RefreshReason.QUARTER_MISSING, RefreshReason.PREDICTED);

    /**
     * The decision for a balance sheet or cash flow that waited for the new income statement: {@code waited} itself
     * (fetched) when the income statement could not be fetched ({@code newIncomeQuarter} null), when nothing usable
     * is stored ({@code storedQuarter} null) or when the new income statement's newest quarter is one the stored
     * answer lacks; otherwise {@link RefreshReason#WAITING}.
     *
     * @param newIncomeQuarter the newest quarter of the income statement fetched in this run, null when not fetched
     * @param storedQuarter the newest quarter of the stored answer of {@code waited}'s data type, null when none
     */
    public static RefreshDecision afterIncomeStatement(RefreshDecision waited, LocalDate newIncomeQuarter,
            LocalDate storedQuarter) {
        if (newIncomeQuarter == null || storedQuarter == null
                || newIncomeQuarter.isAfter(storedQuarter.plusDays(FISCAL_TOLERANCE_DAYS))) {
            return waited;
        }
        return new RefreshDecision(waited.function(), RefreshReason.WAITING, "the reported quarter is not in the "
                + "income statement yet (its newest quarter " + newIncomeQuarter + "); " + waited.describe());
    }

    private RefreshDecision decide(String ticker, AvFunction f, StoredTicker stored, EarningsCalendar calendar,
            Instant now) {
        if (policy.refresh()) {
            return new RefreshDecision(f, RefreshReason.REFRESH, "");
        }
        Instant at = stored.fetchedAt().get(f);
        if (at == null) {
            return new RefreshDecision(f, RefreshReason.NOT_STORED, "");
        }
        LocalDate fetchedDay = day(at);
        Duration age = Duration.between(at, now);
        if (age.compareTo(policy.maxAge()) < 0) {
            return new RefreshDecision(f, RefreshReason.FRESH, "fetched " + fetchedDay);
        }
        if (f == AvFunction.OVERVIEW) {
            return age.compareTo(ageLimit(f)) < 0
                    ? new RefreshDecision(f, RefreshReason.UNCHANGED, "company profile fetched " + fetchedDay
                            + ", kept 30 days")
                    : new RefreshDecision(f, RefreshReason.PROFILE_AGE, "fetched " + fetchedDay);
        }
        if (f == AvFunction.TIME_SERIES_DAILY_ADJUSTED || !(reportDriven(f) || f == AvFunction.SPLITS)) {
            return new RefreshDecision(f, RefreshReason.EVERY_RUN, "");
        }
        if (age.compareTo(ageLimit(f)) >= 0) {
            Optional<LocalDate> soon = reportDriven(f) && age.compareTo(ageLimit(f).plusDays(POSTPONE_DAYS)) < 0
                    ? upcomingReport(calendar.entries(ticker), day(now)) : Optional.empty();
            if (soon.isPresent()) {
                return new RefreshDecision(f, RefreshReason.UNCHANGED, "older than --max-statement-age, renewed "
                        + "by the report of " + soon.get() + " (calendar)");
            }
            return new RefreshDecision(f, RefreshReason.STATEMENT_AGE, "fetched " + fetchedDay);
        }
        if (f == AvFunction.SPLITS) {
            return new RefreshDecision(f, RefreshReason.UNCHANGED, "no split in the prices since " + fetchedDay);
        }
        return reportDecision(ticker, f, fetchedDay, stored, calendar, day(now));
    }

    private RefreshDecision reportDecision(String ticker, AvFunction f, LocalDate fetchedDay, StoredTicker stored,
            EarningsCalendar calendar, LocalDate today) {
        List<CalendarEntry> entries = calendar.entries(ticker);
        for (CalendarEntry e : entries) {
            if (e.reportDate().isAfter(fetchedDay) && !e.reportDate().isAfter(today)) {
                return new RefreshDecision(f, RefreshReason.REPORTED, "reported " + e.reportDate()
                        + " (calendar), fetched " + fetchedDay);
            }
        }
        LocalDate recent = today.minusDays(RECENT_REPORT_DAYS);
        for (CalendarEntry e : entries) {
            if (e.fiscalDateEnding() != null && !e.reportDate().isAfter(today) && !e.reportDate().isBefore(recent)
                    && lacks(f, e.fiscalDateEnding(), stored)) {
                return new RefreshDecision(f, RefreshReason.QUARTER_MISSING, "quarter " + e.fiscalDateEnding()
                        + " reported " + e.reportDate() + " (calendar)");
            }
        }
        Optional<EarningsReport> latest = latestReport(stored.earnings());
        if (latest.isPresent() && !latest.get().reportedDate().isBefore(recent)
                && !latest.get().reportedDate().isAfter(today) && lacks(f, latest.get().fiscalDateEnding(), stored)) {
            return new RefreshDecision(f, RefreshReason.QUARTER_MISSING, "quarter "
                    + latest.get().fiscalDateEnding() + " reported " + latest.get().reportedDate() + " (earnings)");
        }
        if (!calendar.previousLists(ticker) && !nextListedFollows(entries, latest, today)) {
            Optional<LocalDate> predicted = predictedReport(stored.earnings());
            if (predicted.isPresent() && !today.isBefore(predicted.get().minusDays(EARLY_DAYS))
                    && !today.isAfter(predicted.get().plusDays(RECENT_REPORT_DAYS))) {
                return new RefreshDecision(f, RefreshReason.PREDICTED, "report predicted " + predicted.get()
                        + " (not in the stored calendar)");
            }
        }
        return new RefreshDecision(f, RefreshReason.UNCHANGED, "no report since " + fetchedDay);
    }

    /**
     * Whether a calendar lists the ticker's next report, still to come, as the one that follows the last stored
     * report: then nothing was reported in between, whatever the stored calendar says.
     */
    private static boolean nextListedFollows(List<CalendarEntry> entries, Optional<EarningsReport> latest,
            LocalDate today) {
        if (latest.isEmpty()) {
            return false;
        }
        LocalDate last = latest.get().reportedDate();
        return entries.stream().map(CalendarEntry::reportDate).anyMatch(d -> !d.isBefore(today)
                && d.isAfter(last) && !d.isAfter(last.plusDays(FOLLOWING_REPORT_DAYS)));
    }

    /** Whether the stored answer of {@code f} lacks the quarter ending about {@code fiscal}. */
    private static boolean lacks(AvFunction f, LocalDate fiscal, StoredTicker stored) {
        if (f == AvFunction.EARNINGS) {
            return stored.earnings().stream().noneMatch(r -> r.fiscalDateEnding() != null
                    && Math.abs(ChronoUnit.DAYS.between(r.fiscalDateEnding(), fiscal)) <= FISCAL_TOLERANCE_DAYS);
        }
        LocalDate newest = stored.newestQuarter().get(f);
        return newest == null || newest.isBefore(fiscal.minusDays(FISCAL_TOLERANCE_DAYS));
    }

    private static Optional<LocalDate> upcomingReport(List<CalendarEntry> entries, LocalDate today) {
        return entries.stream().map(CalendarEntry::reportDate)
                .filter(d -> d.isAfter(today) && !d.isAfter(today.plusDays(POSTPONE_DAYS))).min(Comparator.naturalOrder());
    }

    private static Optional<EarningsReport> latestReport(List<EarningsReport> earnings) {
        return earnings.stream().filter(r -> r.reportedDate() != null)
                .max(Comparator.comparing(EarningsReport::reportedDate));
    }

    /**
     * The next report date the earnings history suggests: a year (52 weeks) after the report of the same quarter a
     * year before the next one, or 91 days after the last report when there is no such history.
     */
    static Optional<LocalDate> predictedReport(List<EarningsReport> earnings) {
        List<LocalDate> dates = earnings.stream().map(EarningsReport::reportedDate).filter(Objects::nonNull)
                .distinct().sorted(Comparator.reverseOrder()).toList();
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = dates.get(0);
        if (dates.size() > 3) {
            LocalDate yearAfter = dates.get(3).plusWeeks(52);
            if (yearAfter.isAfter(last.plusDays(45)) && yearAfter.isBefore(last.plusDays(140))) {
                return Optional.of(yearAfter);
            }
        }
        return Optional.of(last.plusDays(91));
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
