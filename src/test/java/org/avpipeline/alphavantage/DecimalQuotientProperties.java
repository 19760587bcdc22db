package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** {@link DecimalQuotient} gives the double {@link Double#parseDouble} gives, bit for bit, ties included. */
class DecimalQuotientProperties {

    @Property(tries = 20_000)
    void largeMantissasRoundAsParseDoubleDoes(@ForAll @LongRange(min = (1L << 53) + 1, max = 999_999_999_999_999_999L)
            long w, @ForAll @IntRange(min = 0, max = 22) int s) {
        assertSame(w, s);
    }

    /**
     * The exact midpoints between two doubles, where rounding to even decides: the hardest inputs. A midpoint has at
     * most 18 digits only near 2^53 (a few decimals), so the doubles are drawn there.
     */
    @Property(tries = 20_000)
    void midpointsRoundToEvenAsParseDoubleDoes(@ForAll("doubles") double d) {
        midpointsOf(d);
    }

    @Example
    void manyMidpointsAreTested() {
        java.util.Random random = new java.util.Random(3);
        int tested = 0;
        for (int i = 0; i < 10_000; i++) {
            tested += midpointsOf(Math.scalb(1 + random.nextDouble(), 50 + random.nextInt(5)));
        }
        assertEquals(true, tested > 10_000, "midpoints tested: " + tested);
    }

    /** Checks the midpoints around {@code d} and numbers just beside them; how many had at most 18 digits. */
    private static int midpointsOf(double d) {
        int tested = 0;
        BigDecimal exact = new BigDecimal(d);
        for (BigDecimal mid : new BigDecimal[] {exact.add(new BigDecimal(Math.ulp(d)).divide(BigDecimal.valueOf(2))),
                exact.subtract(new BigDecimal(d - Math.nextDown(d)).divide(BigDecimal.valueOf(2)))}) {
            for (BigDecimal near : new BigDecimal[] {mid, mid.add(BigDecimal.ONE.movePointLeft(mid.scale() + 1)),
                    mid.subtract(BigDecimal.ONE.movePointLeft(mid.scale() + 1))}) {
                BigDecimal unscaled = new BigDecimal(near.unscaledValue());
                int s = Math.max(0, near.scale());
                if (unscaled.signum() > 0 && unscaled.precision() <= 18 && near.scale() >= 0 && s <= 22) {
                    assertSame(near.unscaledValue().longValueExact(), s);
                    tested++;
                }
            }
        }
        return tested;
    }

    @Provide
    Arbitrary<Double> doubles() {
        // positive doubles ascend with their bits: every double in the range equally likely per binade step
        return Arbitraries.longs().between(Double.doubleToRawLongBits(0x1p49), Double.doubleToRawLongBits(0x1p57))
                .map(Double::longBitsToDouble);
    }

    @Example
    void knownCases() {
        assertSame(45_035_996_273_704_975L, 1); // 2^52 + 0.5 + 0.5: a tie between two doubles one apart
        assertSame(45_035_996_273_704_965L, 1);
        assertSame(225_179_981_368_524_825L, 2); // 2^51 + 0.25: a tie at a quarter
        assertSame(28_962_962_886_152_513L, 14); // an adjusted close: 289.62962886152513
        assertSame(9_007_199_254_740_993L, 0); // 2^53 + 1: a tie, to the even 2^53
        assertSame(999_999_999_999_999_999L, 22);
        assertSame((1L << 53) + 1, 22);
    }

    private static void assertSame(long w, int s) {
        String text = BigDecimal.valueOf(w, s).toPlainString();
        double expected = Double.parseDouble(text);
        double actual = DecimalQuotient.of(w, s);
        if (!Double.isNaN(actual)) {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), text);
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(
                AnswerValues.number(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "x", bytes, 0, bytes.length)), text);
    }
}
