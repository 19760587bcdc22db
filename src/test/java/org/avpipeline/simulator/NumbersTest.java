package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void writesNumbersAsTheRealAnswersDo() {
        assertEquals("128.9", Numbers.plain(128.9));
        assertEquals("215.0", Numbers.plain(215.0));
        assertEquals("0.1236", Numbers.plain(0.1236));
        assertEquals("1.0", Numbers.plain(1.0));
        assertEquals("0.1", Numbers.plain(0.1));
        assertEquals("10.0", Numbers.plain(10));
        assertEquals("289.62962886152513", Numbers.plain(289.62962886152513));
        assertEquals("0.00012", Numbers.plain(0.00012));
        assertEquals("0.0008", Numbers.plain(0.0008));
        assertEquals("12345678.5", Numbers.plain(12345678.5));
        assertEquals("0.0000", Numbers.fixed(0, 4));
        assertEquals("1.6200", Numbers.fixed(1.62, 4));
        assertEquals("2.0000", Numbers.fixed(2, 4));
        assertEquals("0.0892", Numbers.trimmed(0.0892, 4));
        assertEquals("0.001", Numbers.trimmed(0.001, 4));
        assertEquals("0.0", Numbers.trimmed(0.00001, 4));
        assertEquals("None", Numbers.amount(Double.NaN));
        assertEquals("-242000000", Numbers.amount(-242e6));
    }

    @Test
    void theFastPathAgreesWithDoubleToStringForQuotedPrices() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double price = Numbers.roundPrice(Math.exp(r.nextDouble(-6.9, 9)));
            assertEquals(Double.toString(price), Numbers.plain(price), "price " + price);
        }
    }
}
