package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TickerPanelStepsTest {
    private final int perShare = ArtifactSchema.indexOf("totalAssets_per_share");

    @Test
    void marksOnlyTheColumnsItIsGiven() {
        TickerPanel p = TickerPanel.empty("AAA", 10);
        assertFalse(p.isStep(perShare));
        p.markSteps(new int[] {0, 4, 7}, new int[] {perShare});
        assertTrue(p.isStep(perShare));
        assertFalse(p.isStep(ArtifactSchema.indexOf("market_cap")));
    }

    @Test
    void rejectsStepsThatDoNotStartAtZeroOrDoNotAscendOrAreNotDoubles() {
        TickerPanel p = TickerPanel.empty("AAA", 10);
        assertThrows(IllegalArgumentException.class, () -> p.markSteps(new int[] {1, 4}, new int[] {perShare}));
        assertThrows(IllegalArgumentException.class, () -> p.markSteps(new int[] {0, 4, 4}, new int[] {perShare}));
        assertThrows(IllegalArgumentException.class, () -> p.markSteps(new int[] {0, 10}, new int[] {perShare}));
        assertThrows(IllegalArgumentException.class,
                () -> p.markSteps(new int[] {0}, new int[] {ArtifactSchema.indexOf(ArtifactSchema.DATE)}));
    }
}
