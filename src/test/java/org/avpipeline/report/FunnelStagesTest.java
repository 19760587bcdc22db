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
}
