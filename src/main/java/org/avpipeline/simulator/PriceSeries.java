package org.avpipeline.simulator;

/**
 * One ticker's daily bars, oldest first, as parallel arrays (epoch days; raw prices as quoted; adjusted close
 * back-adjusted for splits and dividends; split coefficient 1 on ordinary days).
 */
record PriceSeries(int[] days, double[] open, double[] high, double[] low, double[] close, double[] adjustedClose,
        long[] volume, double[] dividend, double[] splitCoefficient) {

    int size() {
        return days.length;
    }
}
