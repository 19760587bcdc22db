package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Market cap is continuous across every split of a simulated universe, whatever the seed, on both bases: the
 * simulator serves restated counts by default and as-reported (or mixed) counts for some tickers, and the build
 * (§3.4, §7) must give no day-to-day jump near a split's factor that the price itself does not make.
 */
class MarketCapContinuityProperties {
    @Property(tries = 4)
    void marketCapHasNoJumpAtASplit(@ForAll long seed) {
        SimulatedMarket m = SimulatedMarket.create(seed, "QQQ", 16, Answers.AS_OF);
        List<String> jumps = new ArrayList<>();
        int[] checked = {0};
        int asReported = 0;
        for (String t : m.tickers()) {
            int before = checked[0];
            SimulatedShareBasis.jumps(m, t, SimulatedShareBasis.build(m, t), checked)
                    .forEach(j -> jumps.add(t + " " + j));
            if (!SimulatedShareBasis.servedBasis(m, t).equals("RESTATED")) {
                asReported += checked[0] - before;
            }
            Statistics.label("served basis").collect(SimulatedShareBasis.servedBasis(m, t));
        }
        assertEquals(List.of(), jumps, "seed " + seed);
        assertTrue(asReported >= 5, "as-reported splits checked: " + asReported);
        assertTrue(checked[0] > asReported, "restated splits checked: " + (checked[0] - asReported));
    }
}
