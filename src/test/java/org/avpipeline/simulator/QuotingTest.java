package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuotingTest {
    private static int decimals(double price) {
        return Math.max(0, new BigDecimal(Double.toString(price)).stripTrailingZeros().scale());
    }

    @Test
    void quotesSixteenthsBeforeDecimalizationAndAtMostFourDecimalsAfter() {
        int before = (int) LocalDate.of(2000, 6, 1).toEpochDay();
        int after = (int) LocalDate.of(2020, 6, 1).toEpochDay();
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 50; t++) {
            Quoting q = Quoting.of(42, "T" + t);
            for (int i = 0; i < 200; i++) {
                double x = Math.exp(r.nextDouble(0, 6));
                double old = q.quote(x, before, r);
                assertEquals(0, (old * 16) % 1, 1e-12, "a sixteenth: " + old);
                double now = q.quote(x, after, r);
                assertTrue(decimals(now) <= 4, "at most four decimals: " + now);
                assertTrue(Math.abs(now - x) <= 0.005 + 1e-12, "rounded, not moved: " + x + " -> " + now);
            }
        }
    }

    @Test
    void someTickersQuoteSubPennyPricesOthersNever() {
        int day = (int) LocalDate.of(2020, 6, 1).toEpochDay();
        int withSubPenny = 0;
        int centsOnly = 0;
        for (int t = 0; t < 100; t++) {
            Quoting q = Quoting.of(7, "S" + t);
            SplittableRandom r = new SplittableRandom(t);
            int subPenny = 0;
            for (int i = 0; i < 1000; i++) {
                if (decimals(q.quote(10 + r.nextDouble() * 90, day, r)) > 2) {
                    subPenny++;
                }
            }
            if (subPenny == 0) {
                centsOnly++;
            } else {
                withSubPenny++;
            }
        }
        assertTrue(centsOnly >= 15 && withSubPenny >= 50, centsOnly + " cents only, " + withSubPenny + " sub-penny");
    }
}
