package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A recycled panel's arrays serve a later panel of as many rows, emptied; the recycled panel cannot be read. */
class TickerPanelRecycleTest {
    private static final int DATE = ArtifactSchema.indexOf(ArtifactSchema.DATE);
    private static final int CAP = ArtifactSchema.indexOf("market_cap");
    private static final int COMPLETE = ArtifactSchema.indexOf(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);

    @Test
    void aLaterPanelOfAsManyRowsGetsTheArraysEmptied() {
        int rows = 4_321; // a size no other test uses, so the shared spares do not interfere
        TickerPanel first = TickerPanel.empty("AAA", rows);
        double[] cap = first.doubles(CAP);
        cap[7] = 12.5;
        first.dates(DATE)[0] = 19_000;
        first.booleans(COMPLETE)[3] = true;
        first.recycle();
        assertThrows(IllegalStateException.class, () -> first.doubles(CAP));

        TickerPanel second = TickerPanel.empty("BBB", rows);
        assertEquals(cap, second.doubles(CAP), "the same array, reused");
        assertTrue(Double.isNaN(second.doubles(CAP)[7]));
        assertEquals(TickerPanel.NO_DATE, second.dates(DATE)[0]);
        assertFalse(second.booleans(COMPLETE)[3]);
        assertEquals("BBB", second.ticker());
    }

    @Test
    void anotherSizeGetsNewArrays() {
        TickerPanel first = TickerPanel.empty("AAA", 1_234);
        double[] cap = first.doubles(CAP);
        first.recycle();
        first.recycle(); // twice is once
        TickerPanel other = TickerPanel.empty("BBB", 1_235);
        assertFalse(cap == other.doubles(CAP));
        assertEquals(1_235, other.doubles(CAP).length);
    }
}
