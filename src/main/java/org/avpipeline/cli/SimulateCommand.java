package org.avpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.simulator.FaultPlan;
import org.avpipeline.simulator.Scenario;
import org.avpipeline.simulator.SimulatedMarket;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code avpipeline simulate}: parsing and validation only; the simulator lives in {@code org.avpipeline.simulator}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serves the Alpha Vantage simulator on 127.0.0.1 until stopped (Ctrl-C).")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "Port on 127.0.0.1 (0 = a free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tickers", paramLabel = "N", defaultValue = "20",
            description = "Number of ETF constituents with data (default: ${DEFAULT-VALUE}).")
    int tickers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the simulated market (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--etf", paramLabel = "SYMBOL", defaultValue = "QQQ",
            description = "The ETF whose profile lists the constituents (default: ${DEFAULT-VALUE}).")
    String etf;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "0",
            description = "Requests per minute per API key (0 = unlimited; default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--latency-ms", paramLabel = "L", defaultValue = "0",
            description = "Delay added to every answer, in milliseconds (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--faults", paramLabel = "SPEC", defaultValue = "",
            description = "Faults, e.g. 5xx=0.1,slow=0.05,malformed=0.02,truncated=0.02,premium,bad-key,slow-ms=20000.")
    String faults;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Last day of the simulated data (default: today, UTC).")
    String asOf;

    @Option(names = "--stop-after", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop by itself after this many seconds (0 = serve until stopped; for scripts and tests).")
    long stopAfterSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SimulatorConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        SimulatorServer server = SimulatorServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
            try {
                reported.await(2, TimeUnit.SECONDS); // let the command print its last line before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "av-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            printBanner(out, server);
            if (stopAfterSeconds > 0) {
                stopped.await(stopAfterSeconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        out.printf("Simulator stopped after %d requests.%n", server.stats().requests());
        out.flush();
        reported.countDown();
        return 0;
    }

    private SimulatorConfig config() {
        if (port < 0 || port > 65535) {
            throw invalid("--port must be between 0 and 65535, got " + port);
        }
        if (tickers < 1 || tickers > 400_000) {
            throw invalid("--tickers must be between 1 and 400000, got " + tickers);
        }
        if (etf == null || !etf.trim().matches("[A-Za-z0-9.\\-]{1,12}")) {
            throw invalid("--etf must be a symbol such as QQQ, got '" + etf + "'");
        }
        if (rateLimit < 0) {
            throw invalid("--rate-limit must be 0 (unlimited) or more, got " + rateLimit);
        }
        if (latencyMs < 0) {
            throw invalid("--latency-ms must be 0 or more, got " + latencyMs);
        }
        if (stopAfterSeconds < 0) {
            throw invalid("--stop-after must be 0 or more, got " + stopAfterSeconds);
        }
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                throw invalid("--as-of must be a date YYYY-MM-DD, got '" + asOf + "'");
            }
            if (date.isBefore(LocalDate.of(2001, 1, 1))) {
                throw invalid("--as-of must be 2001-01-01 or later, got " + date);
            }
        }
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw invalid("--faults: " + e.getMessage());
        }
        return new SimulatorConfig(seed, etf.trim().toUpperCase(java.util.Locale.ROOT), tickers, date, port,
                rateLimit, Duration.ofMillis(latencyMs), plan);
    }

    private void printBanner(PrintWriter out, SimulatorServer server) {
        SimulatedMarket market = server.market();
        SimulatorConfig c = server.config();
        out.printf("Alpha Vantage simulator: %s%n", server.baseUrl());
        out.printf("  seed %d, %d tickers of %s, data up to %s, rate limit %s, latency %d ms, faults: %s%n",
                c.seed(), c.tickers(), market.etfSymbol(), market.asOf(),
                c.rateLimitPerMinute() == 0 ? "none" : c.rateLimitPerMinute() + "/min", c.latency().toMillis(),
                c.faults().toSpec().isEmpty() ? "none" : c.faults().toSpec());
        out.printf("  any non-empty apikey is accepted, e.g. %s?function=ETF_PROFILE&symbol=%s&apikey=demo%n",
                server.baseUrl(), market.etfSymbol());
        out.printf("%s holdings (as ETF_PROFILE answers them):%n", market.etfSymbol());
        int shown = 0;
        for (EtfHolding h : market.holdings()) {
            if (shown++ == 60) {
                out.printf("  ... and %d more%n", market.holdings().size() - 60);
                break;
            }
            Set<Scenario> scenarios = market.scenarios(h.symbol());
            String note = !market.knows(h.symbol()) ? (h.symbol().equals("n/a") ? "not a stock" : "unknown symbol")
                    : scenarios.isEmpty() ? "" : scenarios.toString();
            out.printf("  %-6s %-40s %s%n", h.symbol(), h.description(), note);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
