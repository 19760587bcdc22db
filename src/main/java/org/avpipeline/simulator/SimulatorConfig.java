package org.avpipeline.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Everything that configures a simulator: the market ({@code seed}, {@code etfSymbol}, {@code tickers}, {@code asOf})
 * and how it is served ({@code port}, 0 = a free port; {@code rateLimitPerMinute} per API key, 0 = unlimited;
 * {@code latency} added to every answer; {@code faults}).
 */
public record SimulatorConfig(long seed, String etfSymbol, int tickers, LocalDate asOf, int port,
        int rateLimitPerMinute, Duration latency, FaultPlan faults) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_TICKERS = 20;

    public SimulatorConfig {
        Objects.requireNonNull(etfSymbol, "etfSymbol");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(faults, "faults");
        if (etfSymbol.isBlank()) {
            throw new IllegalArgumentException("ETF symbol is empty");
        }
        if (tickers < 1) {
            throw new IllegalArgumentException("tickers must be at least 1, got " + tickers);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (rateLimitPerMinute < 0) {
            throw new IllegalArgumentException("rate limit must be 0 (unlimited) or more, got " + rateLimitPerMinute);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be 0 or more");
        }
    }

    /** Seed 42, QQQ, 20 tickers, as of today (UTC), a free port, no rate limit, no latency, no faults. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(DEFAULT_SEED, SimulatedMarket.DEFAULT_ETF, DEFAULT_TICKERS,
                LocalDate.now(ZoneOffset.UTC), 0, 0, Duration.ZERO, FaultPlan.NONE);
    }

    public SimulatorConfig withSeed(long v) {
        return new SimulatorConfig(v, etfSymbol, tickers, asOf, port, rateLimitPerMinute, latency, faults);
    }

    public SimulatorConfig withEtfSymbol(String v) {
        return new SimulatorConfig(seed, v, tickers, asOf, port, rateLimitPerMinute, latency, faults);
    }

    public SimulatorConfig withTickers(int v) {
        return new SimulatorConfig(seed, etfSymbol, v, asOf, port, rateLimitPerMinute, latency, faults);
    }

    public SimulatorConfig withAsOf(LocalDate v) {
        return new SimulatorConfig(seed, etfSymbol, tickers, v, port, rateLimitPerMinute, latency, faults);
    }

    public SimulatorConfig withPort(int v) {
        return new SimulatorConfig(seed, etfSymbol, tickers, asOf, v, rateLimitPerMinute, latency, faults);
    }

    public SimulatorConfig withRateLimitPerMinute(int v) {
        return new SimulatorConfig(seed, etfSymbol, tickers, asOf, port, v, latency, faults);
    }

    public SimulatorConfig withLatency(Duration v) {
        return new SimulatorConfig(seed, etfSymbol, tickers, asOf, port, rateLimitPerMinute, v, faults);
    }

    public SimulatorConfig withFaults(FaultPlan v) {
        return new SimulatorConfig(seed, etfSymbol, tickers, asOf, port, rateLimitPerMinute, latency, v);
    }
}
