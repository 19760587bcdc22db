package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;

class FunnelStagesTest {

    @Test
    void realisticFunnelCountsEachStage() {
        List<FunnelStage> stages = FunnelStages.of(SampleManifests.realistic().funnel(), "QQQ");
        assertEquals(List.of("Holdings of QQQ", "Valid symbols", "Fetched (6 data types)",
                "\u2265 10 quarters per statement", "Earnings + 3 statements", "Continuous quarters", "In the artifact"),
                stages.stream().map(FunnelStage::label).toList());
        assertEquals(List.of(103, 100, 100, 99, 96, 95, 99), stages.stream().map(FunnelStage::count).toList());
        assertEquals(List.of(0, 3, 0, 1, 3, 1, 1), stages.stream().map(FunnelStage::dropped).toList());
        assertEquals(3, stages.get(2).secondary(), "ARM, CCEP, PDD have a failed data type");
        assertEquals(5, stages.get(6).secondary(), "99 in the artifact, 94 with fundamentals");
        // GEHC is named twice (two statements) but counted once.
        assertEquals(2, stages.get(3).details().size());
        assertEquals("ASML, CCEP, PDD", stages.get(4).dropNote());
    }

    @Test
    void aTickerDroppedEarlierIsNotCountedAgainLater() {
        Funnel f = new Funnel(3, 3, List.of(), List.of(), List.of(
                new BuildDrop(BuildStep.TOO_LITTLE_HISTORY, AvFunction.CASH_FLOW, List.of(new TickerReason("A", "3 q"))),
                BuildDrop.of(BuildStep.NOT_IN_ALL_STATEMENTS, List.of(new TickerReason("A", "no cash flow"),
                        new TickerReason("B", "no earnings")))), 1, 3);
        List<FunnelStage> stages = FunnelStages.of(f, null);
        assertEquals("Tickers requested", stages.get(0).label());
        assertEquals(2, stages.get(3).count());
        assertEquals(1, stages.get(4).count());
        assertEquals(1, stages.get(4).dropped());
        assertEquals(3, stages.get(6).count());
        assertEquals(2, stages.get(6).secondary());
    }

    /** Issue 21.6: a run that failed in the fetch shows no ticker passing the build's stages. */
    @Test
    void aRunThatFailedBeforeTheBuildPassesNoTickerThroughItsStages() {
        Funnel f = new Funnel(3, 3, List.of(), List.of(new DataTypeFetch(AvFunction.TIME_SERIES_DAILY_ADJUSTED, 0, 0,
                3, List.of(new TickerReason("A", "UNREACHABLE"), new TickerReason("B", "UNREACHABLE"),
                        new TickerReason("C", "UNREACHABLE")))), List.of(), 0, 0);
        List<FunnelStage> stages = FunnelStages.of(f, null);
        assertEquals(false, f.built());
        assertEquals(3, stages.get(2).secondary(), "all three with a failed data type");
        for (FunnelStage buildStage : stages.subList(3, stages.size() - 1)) {
            assertEquals(0, buildStage.count(), buildStage.label());
            assertEquals(FunnelStages.NOT_REACHED, buildStage.countNote(), buildStage.label());
        }
        assertEquals(0, stages.get(stages.size() - 1).count());
        // a build that ran names the tickers it left out, so it is never taken for one that did not
        Funnel built = new Funnel(1, 1, List.of(), List.of(), List.of(BuildDrop.of(BuildStep.NO_PRICES,
                List.of(new TickerReason("A", "no price rows")))), 0, 0);
        assertEquals(true, built.built());
        assertEquals(1, FunnelStages.of(built, null).get(3).count());
    }
}
