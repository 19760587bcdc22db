package org.avpipeline.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;

/**
 * Counts, while the artifact is written, how many tickers have complete financial data in each month
 * ({@link Coverage#RULE}: the flag on the ticker's last row of the month), and the artifact's row facts, so that
 * nothing has to read the artifact back.
 *
 * <p>Feed it every row, or every {@link TickerPanel}; rows may come in any order (the writer's ticker-then-date order
 * is the fast path). When a ticker has two rows on the same date, the one fed last counts. Not thread-safe: feed it
 * from the thread that writes the artifact.
 */
public final class CoverageCounter {
    private final Map<String, Map<Integer, MonthState>> tickers = new HashMap<>();
    private long rows;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;

    // The fast path for rows in ticker-then-date order: the last month touched.
    private String currentTicker;
    private Map<Integer, MonthState> currentMonths;
    private int currentMonth = Integer.MIN_VALUE;
    private MonthState currentState;

    /** The state of one ticker in one month: its latest row so far. */
    private static final class MonthState {
        int day;
        boolean complete;

        MonthState(int day, boolean complete) {
            this.day = day;
            this.complete = complete;
        }
    }

    /**
     * One artifact row.
     *
     * @param ticker the row's ticker
     * @param epochDay the row's date as days since 1970-01-01
     * @param hasCompleteFinancialData the row's {@code has_complete_financial_data}
     */
    public void add(String ticker, int epochDay, boolean hasCompleteFinancialData) {
        Objects.requireNonNull(ticker, "ticker");
        if (epochDay == TickerPanel.NO_DATE) {
            throw new IllegalArgumentException("row of " + ticker + " has no date");
        }
        if (!ticker.equals(currentTicker)) {
            currentTicker = ticker;
            currentMonths = tickers.computeIfAbsent(ticker, t -> new HashMap<>());
            currentMonth = Integer.MIN_VALUE;
        }
        int month = monthIndex(epochDay);
        if (month != currentMonth) {
            currentMonth = month;
            currentState = currentMonths.get(month);
            if (currentState == null) {
                currentState = new MonthState(epochDay, hasCompleteFinancialData);
                currentMonths.put(month, currentState);
            }
        }
        if (epochDay >= currentState.day) {
            currentState.day = epochDay;
            currentState.complete = hasCompleteFinancialData;
        }
        rows++;
        firstDay = Math.min(firstDay, epochDay);
        lastDay = Math.max(lastDay, epochDay);
    }

    /** Every row of one ticker's panel (its {@code date} and {@code has_complete_financial_data} columns). */
    public void add(TickerPanel panel) {
        int[] dates = panel.dates(ArtifactSchema.DATE);
        boolean[] complete = panel.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);
        for (int i = 0; i < panel.rows(); i++) {
            add(panel.ticker(), dates[i], complete[i]);
        }
    }

    /** Rows fed so far. */
    public long rows() {
        return rows;
    }

    /** Distinct tickers fed so far. */
    public int tickers() {
        return tickers.size();
    }

    /** Every month from the first row's to the last row's, ascending, months without rows included (as zeros). */
    public Coverage coverage() {
        if (rows == 0) {
            return new Coverage(Coverage.RULE, 0, List.of());
        }
        int first = monthIndex(firstDay);
        int n = monthIndex(lastDay) - first + 1;
        int[] present = new int[n];
        int[] complete = new int[n];
        for (Map<Integer, MonthState> months : tickers.values()) {
            for (Map.Entry<Integer, MonthState> e : months.entrySet()) {
                int i = e.getKey() - first;
                present[i]++;
                if (e.getValue().complete) {
                    complete[i]++;
                }
            }
        }
        YearMonth firstMonth = YearMonth.from(LocalDate.ofEpochDay(firstDay));
        List<MonthCoverage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new MonthCoverage(firstMonth.plusMonths(i), present[i], complete[i]));
        }
        return new Coverage(Coverage.RULE, tickers.size(), out);
    }

    /** The artifact's facts from the rows fed, given the written file's size. */
    public ArtifactFacts artifactFacts(long sizeBytes) {
        return new ArtifactFacts(ArtifactSchema.FILE_NAME, rows, ArtifactSchema.COLUMNS.size(), sizeBytes,
                rows == 0 ? null : LocalDate.ofEpochDay(firstDay), rows == 0 ? null : LocalDate.ofEpochDay(lastDay),
                tickers.size());
    }

    private static int monthIndex(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }
}
