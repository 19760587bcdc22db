package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How a ticker's prices are quoted, as in real daily series: sixteenths of a dollar before US decimalization
 * (2001-04-09: "23.0625"), cents after it, and on some days a sub-penny price with three or four decimals (Alpha
 * Vantage's consolidated bars have them: IBM "217.615", "215.545"). Below a dollar, four decimals. How many days
 * carry sub-penny prices is a trait of the ticker (none to about half), so the number of distinct prices per
 * ticker varies as much as in real universes.
 */
final class Quoting {
    /** The first day of decimal quotes on US exchanges. */
    static final int DECIMALIZATION = (int) LocalDate.of(2001, 4, 9).toEpochDay();

    private final double subPennyShare;

    private Quoting(double subPennyShare) {
        this.subPennyShare = subPennyShare;
    }

    /** The ticker's quoting habit, drawn from its own stream. */
    static Quoting of(long seed, String symbol) {
        SplittableRandom r = Seeds.stream(seed, symbol, "quoting");
        double u = r.nextDouble();
        return new Quoting(u < 0.3 ? 0 : 0.5 * (u - 0.3) / 0.7);
    }

    /** A price of day {@code epochDay} as quoted; {@code r} decides the day's precision. */
    double quote(double x, int epochDay, SplittableRandom r) {
        if (x < 1) {
            return Numbers.roundPrice(x);
        }
        if (epochDay < DECIMALIZATION) {
            return Math.round(x * 16) / 16.0;
        }
        if (subPennyShare > 0 && r.nextDouble() < subPennyShare) {
            return r.nextDouble() < 0.7 ? Math.round(x * 1000) / 1000.0 : Math.round(x * 10_000) / 10_000.0;
        }
        return Math.round(x * 100) / 100.0;
    }
}
