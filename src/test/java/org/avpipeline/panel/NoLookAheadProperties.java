package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * No look-ahead: the artifact's rows up to a day {@code d} must not depend on anything that became known after
 * {@code d}. The input "as known at the end of {@code d}" ({@link Generated#knownAt}) keeps the bars and splits up to
 * {@code d} and the quarters up to the latest fiscal quarter reported by {@code d} (in these inputs quarters are
 * reported in fiscal order, so that is exactly the quarters with {@code reportedDate <= d}).
 *
 * <p>By the spec this does NOT hold for every input, because some steps look at the whole fiscal history (see
 * {@link LookAheadExamplesTest} for one example of each):
 *
 * <ul>
 *   <li>§4 stage 1 flags a spike against a baseline that includes the next five quarters, and interpolates a gap with
 *       the next present value;
 *   <li>§4 stage 2 repairs jumps only in the last five quarters of the history: a jump in the latest quarter known at
 *       {@code d} is repaired, but no longer once later quarters arrive;
 *   <li>§3.3 min_obs counts all quarters: a ticker with fewer than 10 quarters known at {@code d} has no fundamentals
 *       at {@code d}, but has them for the same days once it has 10;
 *   <li>§5.5 keeps the longest continuous run: a later, longer run can replace an earlier one entirely;
 *   <li>§3.4 puts share counts on the current basis, the basis of the last price day (as {@code adjusted_close} is):
 *       the shares, every per-share and derived column, {@code split_adjusted_close} and the §7 columns of a day
 *       depend on the splits after it, and
 *       a split that cannot be tested yet at {@code d} (no quarter reported after it) may be decided differently once
 *       later quarters arrive.
 * </ul>
 *
 * So the precise statement tested is: for inputs whose quarters are consecutive month ends (continuity cannot change
 * under truncation) and on which cleaning repairs nothing (either with the flagging thresholds set to infinity and no
 * interior gaps to interpolate, or with the spec's parameters and values that are constant per metric), the rows up
 * to {@code d} are identical in every column — as long as at least {@code min_obs} quarters are known at {@code d};
 * when fewer are known, the price columns are identical and the fundamentals of the truncated build are missing.
 * Everything after cleaning (intersection, TTM, availability by the filing's day and time (§8.2), the share
 * report and post-filing splits of §7, carry-forward, per-share and derived columns) is thereby checked to use only
 * what was known at {@code d}. Where the full input has a split after {@code d}, or decides a split up to {@code d}
 * on another basis than the truncated one, the columns that depend on the share basis are left out of the comparison.
 */
class NoLookAheadProperties {
    private static final CleaningParameters NO_FLAGS = new CleaningParameters(Double.POSITIVE_INFINITY, 5, 5, 6, 5,
            Double.POSITIVE_INFINITY, 10);
    private static final List<String> PRICE_COLUMNS = List.of(ArtifactSchema.DATE, "open", "high", "low",
            "adjusted_close", "volume", "dividend_amount", "split_coefficient");

    @Property(tries = 150)
    void varyingValuesWithoutCleaningFlags(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100_000) int pick) {
        check(Generated.orderly(seed, false), new BuildParameters(Generated.START, NO_FLAGS), pick);
    }

    @Property(tries = 100)
    void constantValuesWithTheSpecsParameters(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100_000) int pick) {
        check(Generated.orderly(seed, true), BuildParameters.of(Generated.START), pick);
    }

    /** No split after {@code d} in the full build, and the same decision about every split up to {@code d}. */
    private static boolean sameShareBasis(TickerResult all, TickerResult known, LocalDate d) {
        List<ShareBasis.Basis> upToD = all.facts().splitBases().stream().filter(s -> !s.date().isAfter(d))
                .map(ShareBasis.SplitBasis::basis).toList();
        return upToD.size() == all.facts().splitBases().size()
                && upToD.equals(known.facts().splitBases().stream().map(ShareBasis.SplitBasis::basis).toList());
    }

    private static boolean dependsOnShareBasis(String column) {
        return column.equals(Metrics.SHARES) || column.endsWith("_per_share") || column.equals("market_cap")
                || column.equals(ArtifactSchema.SPLIT_ADJUSTED_CLOSE)
                || column.equals("effective_shares_outstanding") || column.equals("post_filing_split_multiplier");
    }

    private static void check(TickerData full, BuildParameters params, int pick) {
        // mostly a day in the artifact's range (rows before START_DATE are cut anyway)
        List<org.avpipeline.alphavantage.DailyBar> bars = full.bars().stream()
                .filter(b -> pick % 5 == 0 || !b.date().isBefore(Generated.START)).toList();
        if (bars.isEmpty()) {
            bars = full.bars();
        }
        LocalDate d = bars.get(pick % bars.size()).date().plusDays(pick % 3);

        TickerResult all = TickerBuild.build(full, params);
        TickerResult known = TickerBuild.build(Generated.knownAt(full, d), params);

        int rowsUpToD = all.panel() == null ? 0
                : DailyPanel.lowerBound(all.panel().dates(ArtifactSchema.DATE), (int) d.toEpochDay() + 1);
        if (known.panel() == null) {
            assertEquals(0, rowsUpToD);
            Statistics.collect("no rows up to d");
            return;
        }
        assertEquals(rowsUpToD, known.panel().rows());
        boolean tooFewQuarters = known.facts().dropouts().stream()
                .anyMatch(x -> x.reason() == DropReason.TOO_LITTLE_HISTORY);
        if (tooFewQuarters) {
            List<Column> prices = PRICE_COLUMNS.stream().map(c -> ArtifactSchema.COLUMNS.get(ArtifactSchema.indexOf(c)))
                    .toList();
            assertNull(PanelAssertions.firstDifference(all.panel(), known.panel(), rowsUpToD, prices));
            assertTrue(Arrays.stream(known.panel().doubles("totalRevenue_per_share")).allMatch(Double::isNaN));
            Statistics.collect("fewer than min_obs quarters known");
            return;
        }
        if (sameShareBasis(all, known, d)) {
            assertNull(PanelAssertions.firstDifference(all.panel(), known.panel(), rowsUpToD));
        } else {
            List<Column> basisFree = ArtifactSchema.COLUMNS.stream().filter(c -> !dependsOnShareBasis(c.name()))
                    .toList();
            assertNull(PanelAssertions.firstDifference(all.panel(), known.panel(), rowsUpToD, basisFree));
            Statistics.collect("share-basis columns left out");
        }
        boolean anyFundamentals = Arrays.stream(known.panel().dates(ArtifactSchema.FISCAL_DATE_ENDING))
                .anyMatch(x -> x != TickerPanel.NO_DATE);
        Statistics.collect(anyFundamentals ? "all columns compared, with fundamentals" : "all columns compared");
    }
}
