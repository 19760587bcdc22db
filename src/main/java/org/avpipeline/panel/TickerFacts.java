package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one ticker in the build, for the run summary, manifest, report and notification.
 *
 * @param priceDays all price rows the ticker has (full history)
 * @param panelRows rows in the artifact (price rows on or after START_DATE); 0 when the ticker is not in it
 * @param dropouts why the ticker left the fundamentals path (and {@link DropReason#NO_PRICES} when it is not in the
 *     artifact); empty when it went all the way
 * @param continuousQuarters quarters in the continuous run (§5.5); 0 when the ticker has no usable statements
 * @param firstQuarter the fiscal date of the run's first quarter, {@code null} when there is no run
 * @param lastQuarter the fiscal date of the run's last quarter, {@code null} when there is no run
 * @param repairs anomaly repairs per (statement, metric, stage), only non-zero counts
 * @param splitBases the share-basis decision about each of the ticker's splits (§3.4), by date; empty when it has no
 *     split or no usable balance sheet
 * @param fiscalYears the fiscal years checked against the annual reports, per statement (pipeline.md §4.1)
 * @param largeBalanceGaps the quarters whose |balance_gap| exceeds {@link BalanceGap#REPORTED_ABOVE}
 * @param restatements the values restated between the ticker's statement vintages and the panel rows they change
 *     (pipeline.md §8a); {@code null} when the ticker has one answer per statement function
 */
public record TickerFacts(String ticker, int priceDays, int panelRows, List<Dropout> dropouts,
        int continuousQuarters, LocalDate firstQuarter, LocalDate lastQuarter, List<AnomalyRepair> repairs,
        List<ShareBasis.SplitBasis> splitBases, List<AnnualCheck.FiscalYear> fiscalYears,
        List<BalanceGap.Quarter> largeBalanceGaps, TickerRestatements restatements) {
    public TickerFacts {
        Objects.requireNonNull(ticker, "ticker");
        dropouts = List.copyOf(dropouts);
        repairs = List.copyOf(repairs);
        splitBases = splitBases == null ? List.of() : List.copyOf(splitBases);
        fiscalYears = fiscalYears == null ? List.of() : List.copyOf(fiscalYears);
        largeBalanceGaps = largeBalanceGaps == null ? List.of() : List.copyOf(largeBalanceGaps);
    }

    /** Facts without checks. */
    public TickerFacts(String ticker, int priceDays, int panelRows, List<Dropout> dropouts, int continuousQuarters,
            LocalDate firstQuarter, LocalDate lastQuarter, List<AnomalyRepair> repairs,
            List<ShareBasis.SplitBasis> splitBases) {
        this(ticker, priceDays, panelRows, dropouts, continuousQuarters, firstQuarter, lastQuarter, repairs,
                splitBases, List.of(), List.of(), null);
    }

    /** Facts with checks, without restatements. */
    public TickerFacts(String ticker, int priceDays, int panelRows, List<Dropout> dropouts, int continuousQuarters,
            LocalDate firstQuarter, LocalDate lastQuarter, List<AnomalyRepair> repairs,
            List<ShareBasis.SplitBasis> splitBases, List<AnnualCheck.FiscalYear> fiscalYears,
            List<BalanceGap.Quarter> largeBalanceGaps) {
        this(ticker, priceDays, panelRows, dropouts, continuousQuarters, firstQuarter, lastQuarter, repairs,
                splitBases, fiscalYears, largeBalanceGaps, null);
    }

    /** The same facts with these restatements. */
    public TickerFacts withRestatements(TickerRestatements r) {
        return new TickerFacts(ticker, priceDays, panelRows, dropouts, continuousQuarters, firstQuarter, lastQuarter,
                repairs, splitBases, fiscalYears, largeBalanceGaps, r);
    }

    /** Facts without split decisions. */
    public TickerFacts(String ticker, int priceDays, int panelRows, List<Dropout> dropouts, int continuousQuarters,
            LocalDate firstQuarter, LocalDate lastQuarter, List<AnomalyRepair> repairs) {
        this(ticker, priceDays, panelRows, dropouts, continuousQuarters, firstQuarter, lastQuarter, repairs, List.of());
    }

    /** The ticker's share basis as its split decisions show it (§3.4). */
    public ShareBasis.TickerBasis shareBasis() {
        return ShareBasis.tickerBasis(splitBases);
    }

    /** Whether the ticker has prices on or after START_DATE, so it is in the artifact. */
    public boolean inArtifact() {
        return panelRows > 0;
    }

    /** Whether the ticker has a continuous run of quarters from its statements. */
    public boolean hasUsableStatements() {
        return continuousQuarters > 0;
    }

    /** The total number of values repaired by anomaly cleaning. */
    public int repairCount() {
        int total = 0;
        for (AnomalyRepair r : repairs) {
            total += r.count();
        }
        return total;
    }
}
