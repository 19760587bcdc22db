package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.panel.ShareBasis;
import org.avpipeline.panel.ShareBasis.Basis;
import org.avpipeline.panel.ShareBasis.Evidence;
import org.avpipeline.panel.ShareBasis.SplitBasis;
import org.avpipeline.panel.ShareBasis.TickerBasis;
import org.avpipeline.panel.TickerResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** §3.4 and §7 on the default simulated market: the edge cases of the fixed tickers and every split's market cap. */
class ShareBasisOnSimulatorTest {
    private static final SimulatedMarket MARKET = Answers.defaultMarket();
    private static final Map<String, TickerResult> BUILT = new LinkedHashMap<>();

    @BeforeAll
    static void buildAll() {
        for (String t : MARKET.tickers()) {
            BUILT.put(t, SimulatedShareBasis.build(MARKET, t));
        }
    }

    private static List<SplitBasis> splits(String t) {
        return BUILT.get(t).facts().splitBases();
    }

    private static SplitBasis split(String t, String date) {
        return splits(t).stream().filter(s -> s.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    @Test
    void marketCapIsContinuousAcrossEverySplitOnBothBases() {
        int[] checked = {0};
        List<String> jumps = new ArrayList<>();
        Map<String, Integer> checkedByBasis = new LinkedHashMap<>();
        for (String t : MARKET.tickers()) {
            int before = checked[0];
            SimulatedShareBasis.jumps(MARKET, t, BUILT.get(t), checked).forEach(j -> jumps.add(t + " " + j));
            checkedByBasis.merge(SimulatedShareBasis.servedBasis(MARKET, t), checked[0] - before, Integer::sum);
        }
        assertEquals(List.of(), jumps);
        assertTrue(checkedByBasis.getOrDefault("AS_REPORTED", 0) >= 5, checkedByBasis.toString());
        assertTrue(checkedByBasis.getOrDefault("RESTATED", 0) >= 3, checkedByBasis.toString());
        assertTrue(checkedByBasis.getOrDefault("MIXED", 0) >= 2, checkedByBasis.toString());
    }

    @Test
    void everyTickerIsDetectedOnTheBasisItWasServed() {
        Map<TickerBasis, Integer> counts = new EnumMap<>(TickerBasis.class);
        for (String t : MARKET.tickers()) {
            TickerBasis detected = SimulatedShareBasis.detected(BUILT.get(t));
            counts.merge(detected, 1, Integer::sum);
            switch (SimulatedShareBasis.servedBasis(MARKET, t)) {
                case "AS_REPORTED" -> assertTrue(detected == TickerBasis.AS_REPORTED
                        || detected == TickerBasis.NO_SPLITS || detected == TickerBasis.UNTESTED, t + " " + detected);
                case "MIXED" -> assertEquals(TickerBasis.AS_REPORTED, detected, t);
                default -> assertTrue(detected != TickerBasis.AS_REPORTED, t + " " + detected);
            }
        }
        System.out.println("default market (seed 42, 20 tickers, as of " + Answers.AS_OF + "): " + counts);
        assertTrue(counts.get(TickerBasis.AS_REPORTED) >= 4, counts.toString());
        assertTrue(counts.get(TickerBasis.RESTATED) >= 2, counts.toString());
    }

    @Test
    void aSplitBetweenAQuartersEndAndItsReportIsInThatQuartersCount() {
        SplitBasis s = split("ACMA", "2019-01-08");
        assertEquals(Basis.AS_REPORTED, s.basis());
        assertEquals(Evidence.TESTED, s.evidence());
        // the 2018-12-31 quarter is reported after the split: it is quarter b, and its count already includes it
        assertEquals(LocalDate.of(2018, 12, 31), s.after());
        assertEquals(1.5, s.ratio(), 0.05);
        assertEquals(TickerBasis.AS_REPORTED, BUILT.get("ACMA").facts().shareBasis());
    }

    @Test
    void aSplitBeforeTheStatementsCannotBeTestedAndIsTakenAsRestated() {
        SplitBasis s = split("BRKW", "2003-05-12");
        assertEquals(Evidence.ASSUMED, s.evidence());
        assertEquals(Basis.RESTATED, s.basis());
        assertNull(s.before());
        assertNotNull(s.warning());
        assertEquals(TickerBasis.UNTESTED, BUILT.get("BRKW").facts().shareBasis());
    }

    @Test
    void twoSplitsBetweenTheSameQuartersAreOneGroup() {
        SplitBasis first = split("SPRK", "2016-03-01");
        SplitBasis second = split("SPRK", "2016-03-22");
        assertEquals(3, first.groupFactor(), 1e-12);
        assertEquals(first.ratio(), second.ratio());
        assertEquals(first.before(), second.before());
        assertEquals(1, first.ratio(), 0.05, "restated: no jump across the pair");
        assertEquals(Basis.RESTATED, first.basis());
        assertEquals(Basis.RESTATED, second.basis());
    }

    @Test
    void aSplitAfterTheLastReportInheritsFromTheNearestTestedSplit() {
        List<SplitBasis> s = splits("HLDN");
        SplitBasis late = s.get(s.size() - 1);
        assertEquals(Evidence.INHERITED, late.evidence());
        assertEquals(Basis.RESTATED, late.basis(), "as the tested 2012 split");
        assertNull(late.after());
        assertNotNull(late.warning());
        assertEquals(Basis.RESTATED, split("HLDN", "2012-05-14").basis());
    }

    @Test
    void aSplitAnnouncedForAfterTheLastPriceDayIsIgnored() {
        assertEquals(1, MARKET.splits("MRDN").size(), "the announced split is in SPLITS");
        assertTrue(MARKET.splits("MRDN").get(0).effectiveDate().isAfter(Answers.AS_OF));
        assertTrue(splits("MRDN").isEmpty());
        assertEquals(TickerBasis.NO_SPLITS, BUILT.get("MRDN").facts().shareBasis());
    }

    @Test
    void aReverseSplitIsDetected() {
        SplitBasis s = split("PLTX", "2018-05-14");
        assertEquals(Basis.AS_REPORTED, s.basis());
        assertEquals(0.1, s.ratio(), 0.01);
    }

    @Test
    void severalSplitsWithMixedDecisions() {
        assertEquals(Basis.RESTATED, split("CSTR", "2013-03-18").basis());
        assertEquals(Basis.AS_REPORTED, split("CSTR", "2022-03-14").basis());
        assertTrue(splits("CSTR").stream().allMatch(SplitBasis::tested));
    }

    @Test
    void nvltIsAsReportedLikeNvidiasOlderAnswers() {
        assertEquals(List.of(Basis.AS_REPORTED, Basis.AS_REPORTED, Basis.AS_REPORTED),
                splits("NVLT").stream().map(SplitBasis::basis).toList());
        assertTrue(splits("NVLT").stream().allMatch(s -> s.warning() == null), splits("NVLT").toString());
    }

    @Test
    void noWarningOnATestedSplitOfTheSimulator() {
        for (String t : MARKET.tickers()) {
            for (SplitBasis s : splits(t)) {
                if (s.tested()) {
                    assertNull(s.warning(), t + " " + s);
                    assertTrue(!ShareBasis.isSuspicious(s.ratio(), s.groupFactor()), t + " " + s);
                }
            }
        }
    }
}
