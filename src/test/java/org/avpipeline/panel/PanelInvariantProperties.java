package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/** Invariants of the build on arbitrary (messy) inputs. */
class PanelInvariantProperties {
    private static final BuildParameters PARAMS = BuildParameters.of(Generated.START);

    @Property(tries = 300)
    void rowsAreThePriceDaysFromStartDateSortedAndUnique(@ForAll long seed) {
        TickerData data = Generated.messy(seed);
        TickerResult result = TickerBuild.build(data, PARAMS);

        long expectedRows = data.bars().stream().map(DailyBar::date).distinct()
                .filter(x -> !x.isBefore(Generated.START)).count();
        if (expectedRows == 0) {
            assertNull(result.panel());
            assertTrue(result.facts().dropouts().stream().anyMatch(x -> x.reason() == DropReason.NO_PRICES));
            return;
        }
        TickerPanel p = result.panel();
        assertEquals(expectedRows, p.rows());
        assertEquals(p.rows(), result.facts().panelRows());
        int[] dates = p.dates(ArtifactSchema.DATE);
        assertTrue(dates[0] >= Generated.START.toEpochDay());
        for (int r = 1; r < dates.length; r++) {
            assertTrue(dates[r - 1] < dates[r], "dates ascending and unique");
        }
    }

    @Property(tries = 300)
    void nothingIsShownBeforeItWasReported(@ForAll long seed) {
        TickerResult result = TickerBuild.build(Generated.messy(seed), PARAMS);
        if (result.panel() == null) {
            return;
        }
        TickerPanel p = result.panel();
        int[] date = p.dates(ArtifactSchema.DATE);
        int[] fiscal = p.dates(ArtifactSchema.FISCAL_DATE_ENDING);
        int[] reported = p.dates(ArtifactSchema.REPORTED_DATE);
        int[] calendar = p.dates(ArtifactSchema.CALENDAR_QUARTER_ENDING);
        double[] shares = p.doubles(Metrics.SHARES);
        double[] sharesPerShare = p.doubles(Metrics.perShare(Metrics.SHARES));
        double[] marketCap = p.doubles("market_cap");
        double[] multiplier = p.doubles("post_filing_split_multiplier");
        for (int r = 0; r < p.rows(); r++) {
            assertEquals(fiscal[r] == TickerPanel.NO_DATE, reported[r] == TickerPanel.NO_DATE);
            if (reported[r] != TickerPanel.NO_DATE) {
                assertTrue(reported[r] <= date[r], "reported after the row's day");
                assertEquals(CalendarQuarters.calendarQuarterEnding(LocalDate.ofEpochDay(fiscal[r])).toEpochDay(),
                        calendar[r]);
                assertTrue(fiscal[r] >= result.facts().firstQuarter().toEpochDay()
                        && fiscal[r] <= result.facts().lastQuarter().toEpochDay(), "quarter of the continuous run");
            } else {
                assertTrue(Double.isNaN(shares[r]));
            }
            assertTrue(Double.isNaN(sharesPerShare[r]) || sharesPerShare[r] == 1.0);
            assertEquals(shares[r] > 0, sharesPerShare[r] == 1.0);
            if (!Double.isNaN(marketCap[r])) {
                assertTrue(multiplier[r] > 0);
            }
        }
    }

    @Property(tries = 200)
    void completenessFlagMatchesItsThreeColumns(@ForAll long seed) {
        TickerResult result = TickerBuild.build(Generated.messy(seed), PARAMS);
        if (result.panel() == null) {
            return;
        }
        TickerPanel p = result.panel();
        double[] revenue = p.doubles("totalRevenue_ttm_per_share");
        double[] assets = p.doubles("totalAssets_per_share");
        double[] ocf = p.doubles("operatingCashflow_ttm_per_share");
        boolean[] complete = p.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);
        for (int r = 0; r < p.rows(); r++) {
            assertEquals(!Double.isNaN(revenue[r]) && !Double.isNaN(assets[r]) && !Double.isNaN(ocf[r]),
                    complete[r]);
        }
    }

    @Property(tries = 200)
    void theBuildIsDeterministic(@ForAll long seed) {
        TickerData data = Generated.messy(seed);
        TickerResult a = TickerBuild.build(data, PARAMS);
        TickerResult b = TickerBuild.build(Generated.messy(seed), PARAMS);
        assertEquals(a.facts(), b.facts());
        if (a.panel() != null) {
            assertEquals(a.panel().rows(), b.panel().rows());
            assertNull(PanelAssertions.firstDifference(a.panel(), b.panel(), a.panel().rows()));
        }
    }

    @Property(tries = 20)
    void aParallelUniverseBuildEqualsBuildingEachTickerAlone(@ForAll long seed) throws Exception {
        Map<String, TickerData> universe = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            TickerData g = Generated.messy(seed + i);
            String t = "T" + i;
            universe.put(t, new TickerData(t, g.bars(), g.splits(), g.earnings(), g.statements()));
        }
        List<TickerResult> streamed = new ArrayList<>();
        new UniverseBuild(PARAMS, 3, 4).run(universe.keySet(), universe::get, streamed::add);
        assertEquals(new ArrayList<>(universe.keySet()), streamed.stream().map(TickerResult::ticker).toList());
        for (TickerResult r : streamed) {
            TickerResult alone = TickerBuild.build(universe.get(r.ticker()), PARAMS);
            assertEquals(alone.facts(), r.facts());
            if (alone.panel() != null) {
                assertNull(PanelAssertions.firstDifference(alone.panel(), r.panel(), alone.rows()));
            }
        }
    }
}
