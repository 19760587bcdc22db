package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;

/**
 * pipeline.md §8a, the sets of answers: a ticker's breakpoints (the distinct days its statement answers are valid
 * from), the set of answers of each interval between them, and the merging of consecutive sets whose quarterly tables
 * are equal. Pure functions.
 */
public final class Vintages {
    private Vintages() {}

    /**
     * The answers the build uses on the days {@code from <= d < to} ({@code from} null: from the start; {@code to}
     * null: still current): the ticker's data with these answers and no vintages.
     */
    public record AnswerSet(LocalDate from, LocalDate to, TickerData data) {}

    /**
     * A function's vintages as the build sees them: ascending by valid-from day, one per day (of two valid from the
     * same day, the one fetched later; pipeline.md §8a).
     */
    public static <T> List<Vintage<T>> effective(List<Vintage<T>> vintages) {
        List<Vintage<T>> sorted = new ArrayList<>(vintages);
        sorted.sort(Comparator.comparing((Vintage<T> v) -> v.validFrom()).thenComparing(Vintage::fetchedAt)
                .thenComparing(Vintage::firstFetchedAt));
        List<Vintage<T>> out = new ArrayList<>(sorted.size());
        for (Vintage<T> v : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).validFrom().equals(v.validFrom())) {
                out.set(out.size() - 1, v);
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** The distinct valid-from days of every vintage of the ticker, ascending (empty without vintages). */
    public static List<LocalDate> breakpoints(TickerVintages vintages) {
        TreeSet<LocalDate> days = new TreeSet<>();
        vintages.earnings().forEach(v -> days.add(v.validFrom()));
        vintages.statements().values().forEach(list -> list.forEach(v -> days.add(v.validFrom())));
        return List.copyOf(days);
    }

    /**
     * The sets of answers, one per breakpoint, in date order: for {@code [b_i, b_i+1)}, per function the latest answer
     * valid from a day {@code <= b_i}, else its earliest answer (its quarterly and its annual reports: the checks of a
     * set compare with the annual reports served with its quarters); the first set also holds the days before
     * {@code b_1}.
     * A function without vintages takes its current answer in every set. A ticker without vintages has one set: its
     * data.
     */
    public static List<AnswerSet> sets(TickerData data) {
        TickerVintages vintages = data.vintages();
        if (!vintages.several()) {
            return List.of(new AnswerSet(null, null, data));
        }
        List<LocalDate> breakpoints = breakpoints(vintages);
        List<Vintage<EarningsReport>> earnings = effective(vintages.earnings());
        Map<AvFunction, List<Vintage<StatementReport>>> statements = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            statements.put(f, effective(vintages.statement(f)));
        }
        List<AnswerSet> sets = new ArrayList<>(breakpoints.size());
        for (int i = 0; i < breakpoints.size(); i++) {
            LocalDate day = breakpoints.get(i);
            Map<AvFunction, List<StatementReport>> chosen = new EnumMap<>(AvFunction.class);
            Map<AvFunction, List<StatementReport>> annual = new EnumMap<>(AvFunction.class);
            for (AvFunction f : AvFunction.STATEMENTS) {
                List<Vintage<StatementReport>> answers = statements.get(f);
                chosen.put(f, answers.isEmpty() ? data.statement(f) : asOf(answers, day).rows());
                annual.put(f, answers.isEmpty() ? data.annual(f) : asOf(answers, day).annual());
            }
            TickerData set = data.withAnswers(earnings.isEmpty() ? data.earnings() : asOf(earnings, day).rows(),
                    chosen, annual);
            sets.add(new AnswerSet(i == 0 ? null : day, i + 1 < breakpoints.size() ? breakpoints.get(i + 1) : null,
                    set));
        }
        return sets;
    }

    /** The latest vintage valid from a day {@code <= day}, else the earliest ({@code effective}). */
    static <T> Vintage<T> asOf(List<Vintage<T>> effective, LocalDate day) {
        Vintage<T> chosen = effective.get(0);
        for (Vintage<T> v : effective) {
            if (!v.validFrom().isAfter(day)) {
                chosen = v;
            }
        }
        return chosen;
    }

    /**
     * Consecutive sets whose quarterly tables are equal made one (pipeline.md §8a): each run of equal neighbours
     * becomes one set spanning their intervals, with the answers of its last (latest) member.
     *
     * @param histories the quarterly table (§3–§6) of each set, in the order of {@code sets}
     */
    public static List<AnswerSet> merge(List<AnswerSet> sets, List<QuarterHistory> histories) {
        return merge(sets, lastMembers(histories));
    }

    /** The same from the runs' last members ({@link #lastMembers}), when the caller needs them too. */
    static List<AnswerSet> merge(List<AnswerSet> sets, int[] lastMembers) {
        List<AnswerSet> out = new ArrayList<>(lastMembers.length);
        int start = 0;
        for (int end : lastMembers) {
            out.add(new AnswerSet(sets.get(start).from(), sets.get(end).to(), sets.get(end).data()));
            start = end + 1;
        }
        return out;
    }

    /**
     * The last member (its position in {@code histories}) of each run of consecutive sets with equal quarterly tables,
     * in order: the sets {@link #merge} keeps.
     */
    public static int[] lastMembers(List<QuarterHistory> histories) {
        int[] out = new int[histories.size()];
        int n = 0;
        for (int i = 1; i <= histories.size(); i++) {
            if (i == histories.size() || !sameQuarters(histories.get(i - 1), histories.get(i))) {
                out[n++] = i - 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether two quarterly tables hold the same quarters with the same values (missing equals missing). */
    public static boolean sameQuarters(QuarterHistory a, QuarterHistory b) {
        if (a == b) {
            return true;
        }
        QuarterlyRows x = a.rows();
        QuarterlyRows y = b.rows();
        return Arrays.equals(x.fiscalDates(), y.fiscalDates()) && Arrays.equals(x.reportedDates(), y.reportedDates())
                && Arrays.deepEquals(x.metrics(), y.metrics())
                && Arrays.equals(a.calendarQuarterEndings(), b.calendarQuarterEndings())
                && Arrays.deepEquals(a.ttm(), b.ttm());
    }
}
