package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.avpipeline.alphavantage.Split;

/**
 * Generates a ticker's daily bars: a geometric random walk of the company's value per original share, quoted as raw
 * prices (divided by the splits so far), with quarterly dividends and back-adjusted closes.
 */
final class PriceGenerator {
    private PriceGenerator() {}

    static PriceSeries generate(long seed, TickerTraits t, LocalDate asOf) {
        int[] days = TradingCalendar.tradingDays(t.priceStart(), asOf);
        int n = days.length;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        long[] volume = new long[n];
        double[] dividend = new double[n];
        double[] coef = new double[n];
        Arrays.fill(coef, 1.0);
        for (Split s : t.splits()) {
            int i = Arrays.binarySearch(days, (int) s.effectiveDate().toEpochDay());
            if (i > 0) {
                coef[i] = s.factor();
            }
        }
        markDividends(t, days, dividend);

        SplittableRandom r = Seeds.stream(seed, t.symbol(), "prices");
        Quoting quoting = Quoting.of(seed, t.symbol());
        SplittableRandom ticks = Seeds.stream(seed, t.symbol(), "ticks");
        double sigma = t.dailyVolatility();
        double[] logValue = bridge(t, days, coef, r);
        double shares = 1; // cumulative split factor: raw price = value / shares
        for (int i = 0; i < n; i++) {
            double value = Math.exp(logValue[i]);
            double previous = i == 0 ? value : Math.exp(logValue[i - 1]);
            shares *= coef[i];
            int day = days[i];
            double c = quoting.quote(value / shares, day, ticks);
            double o = quoting.quote(previous * Math.exp(0.3 * sigma * r.nextGaussian()) / shares, day, ticks);
            double top = Math.max(o, c);
            double bottom = Math.min(o, c);
            high[i] = Math.max(top, quoting.quote(top * (1 + Math.abs(r.nextGaussian()) * sigma * 0.5), day, ticks));
            low[i] = Math.min(bottom, quoting.quote(bottom * (1 - Math.min(0.5, Math.abs(r.nextGaussian())
                    * sigma * 0.5)), day, ticks));
            open[i] = o;
            close[i] = c;
            volume[i] = Math.round(t.baseVolume() * shares * Math.exp(0.35 * r.nextGaussian()));
        }
        for (int i = 1; i < n; i++) {
            if (dividend[i] > 0) {
                dividend[i] = Numbers.round(t.dividendYield() / 4 * close[i - 1], 4);
            }
        }
        return new PriceSeries(days, open, high, low, close, backAdjusted(close, dividend, coef), volume, dividend,
                coef);
    }

    /**
     * The adjusted closes as Alpha Vantage back-adjusts them: the latest adjusted close is the close; each earlier
     * day is scaled by every later dividend (by 1 − dividend / the day before's close) and split (by 1 / its
     * coefficient).
     */
    static double[] backAdjusted(double[] close, double[] dividend, double[] coef) {
        int n = close.length;
        double[] adj = new double[n];
        double factor = 1;
        for (int i = n - 1; i >= 0; i--) {
            adj[i] = close[i] * factor;
            if (i > 0) {
                if (dividend[i] > 0) {
                    factor *= 1 - dividend[i] / close[i - 1];
                }
                factor /= coef[i];
            }
        }
        return adj;
    }

    /**
     * The log of the company's value per original share: a random walk pinned (a piecewise Brownian bridge) so that
     * the raw price is about {@code factor} times the start price just before each split (a 10:1 split comes after a
     * tenfold rise, a 1:10 reverse split after a fall to a tenth) and ends near the start price times the total
     * split factor; a ticker without splits ends near its drift.
     */
    private static double[] bridge(TickerTraits t, int[] days, double[] coef, SplittableRandom r) {
        int n = days.length;
        double[] x = new double[n];
        if (n == 0) {
            return x;
        }
        double sigma = t.dailyVolatility();
        double start = Math.log(t.startPrice());
        java.util.List<int[]> pinDays = new java.util.ArrayList<>();
        java.util.List<Double> pinValues = new java.util.ArrayList<>();
        pinDays.add(new int[] {0});
        pinValues.add(start);
        double splitsSoFar = 0;
        for (int i = 1; i < n; i++) {
            if (coef[i] != 1.0) {
                double lf = Math.log(coef[i]);
                if (i - 1 > pinDays.get(pinDays.size() - 1)[0]) {
                    pinDays.add(new int[] {i - 1});
                    pinValues.add(start + splitsSoFar + lf + 0.1 * r.nextGaussian());
                }
                splitsSoFar += lf;
            }
        }
        double end = splitsSoFar != 0 ? start + splitsSoFar + 0.3 + 0.3 * r.nextGaussian()
                : start + t.annualDrift() * n / 252.0 + 0.4 * r.nextGaussian();
        if (n > 1 && coef[n - 1] != 1.0) {
            end = pinValues.get(pinValues.size() - 1); // a split on the last day: no extra move on top of it
        }
        if (n - 1 > pinDays.get(pinDays.size() - 1)[0]) {
            pinDays.add(new int[] {n - 1});
            pinValues.add(end);
        }
        double[] w = new double[n];
        for (int i = 1; i < n; i++) {
            w[i] = w[i - 1] + sigma * r.nextGaussian();
        }
        x[0] = start;
        for (int k = 1; k < pinDays.size(); k++) {
            int a = pinDays.get(k - 1)[0];
            int b = pinDays.get(k)[0];
            double va = pinValues.get(k - 1);
            double gap = (pinValues.get(k) - va) - (w[b] - w[a]);
            for (int i = a + 1; i <= b; i++) {
                x[i] = va + (w[i] - w[a]) + gap * (i - a) / (b - a);
            }
        }
        return x;
    }

    /** Marks ex-dividend days (value 1, amounts are set once closes exist): mid Feb/May/Aug/Nov from the start year. */
    private static void markDividends(TickerTraits t, int[] days, double[] dividend) {
        if (t.dividendYield() <= 0 || days.length == 0) {
            return;
        }
        LocalDate last = LocalDate.ofEpochDay(days[days.length - 1]);
        for (int y = t.dividendStartYear(); y <= last.getYear(); y++) {
            for (int m = 2; m <= 11; m += 3) {
                LocalDate ex = TradingCalendar.onOrAfter(LocalDate.of(y, m, 12));
                int i = Arrays.binarySearch(days, (int) ex.toEpochDay());
                if (i > 0) {
                    dividend[i] = 1;
                }
            }
        }
    }
}
