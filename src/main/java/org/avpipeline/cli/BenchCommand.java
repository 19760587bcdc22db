package org.avpipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.avpipeline.bench.BuildBenchResult;
import org.avpipeline.bench.BuildBenchmark;
import org.avpipeline.bench.FetchBenchResult;
import org.avpipeline.bench.FetchBenchmark;
import org.avpipeline.config.SettingsException;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.panel.CleaningMode;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.BuildProgress;
import org.avpipeline.simulator.FaultPlan;
import org.avpipeline.simulator.SimulatedMarket;
import org.avpipeline.simulator.SimulatorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avpipeline bench fetch|build}: the benchmarks of the fetch and the build, on the built-in simulator. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on the built-in simulator: 'bench fetch' (the client's pacing against the rate "
                + "limit), 'bench build' (the artifact build's speed and memory) and 'bench refresh' (the weekly "
                + "runs' calls against a full fetch's).",
        subcommands = {BenchCommand.Fetch.class, BenchCommand.Build.class, BenchCommand.Refresh.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a benchmark: 'bench fetch', 'bench build' or 'bench refresh'.");
    }

    /** {@code bench fetch}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Starts the simulator in-process (the given latency and faults, no server-side rate "
                    + "limit) and fetches its tickers with the real client into a fresh temporary raw store.",
                    "Reports the calls, the wall time, the ideal (calls / rate) and the ratio wall / ideal "
                            + "(target <= 1.10)."})
    static final class Fetch implements Callable<Integer> {
        @Option(names = "--tickers", paramLabel = "N", description = "Constituents of the simulated ETF (default ${DEFAULT-VALUE}).")
        int tickers = 50;

        @Option(names = "--etf", description = "Fetch through the ETF's profile (its holdings) instead of the constituents as a list.")
        boolean etf;

        @Option(names = "--rate-limit", paramLabel = "N", description = "The client's requests per minute (default ${DEFAULT-VALUE}).")
        int rateLimit = 600;

        @Option(names = "--latency-ms", paramLabel = "MS", description = "Latency the simulator adds to each answer (default ${DEFAULT-VALUE}).")
        long latencyMs = 40;

        @Option(names = "--faults", paramLabel = "SPEC", defaultValue = "",
                description = "Simulator faults, e.g. 5xx=0.1 (see 'avpipeline simulate --help'; default none).")
        String faults;

        @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight (default: as 'fetch' chooses from the rate).")
        Integer concurrency;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FaultPlan plan;
            try {
                if (tickers < 1 || tickers > 10_000 || rateLimit < 1 || latencyMs < 0
                        || (concurrency != null && concurrency < 1)) {
                    throw new IllegalArgumentException("--tickers must be 1..10000, --rate-limit and --concurrency "
                            + "at least 1, --latency-ms 0 or more");
                }
                plan = FaultPlan.parse(faults);
            } catch (IllegalArgumentException e) {
                err.println("avpipeline bench fetch: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            int threads = concurrency != null ? concurrency : FetchPolicy.defaultConcurrency(rateLimit);
            out.printf("bench fetch: %d tickers%s, rate limit %d/min, latency %d ms, faults %s, %d threads%n",
                    tickers, etf ? " through the ETF" : "", rateLimit, latencyMs,
                    plan.toSpec().isEmpty() ? "none" : plan.toSpec(), threads);
            out.flush();
            try {
                FetchBenchResult r = FetchBenchmark.run(new FetchBenchmark.Settings(tickers, etf, rateLimit,
                        Duration.ofMillis(latencyMs), plan, threads), FetchProgress.silent());
                out.print(r.format());
                if (!plan.toSpec().isEmpty()) {
                    out.println("(the <= 1.10 target is for a fetch without faults; with faults the retries' "
                            + "backoff adds a tail: see docs/benchmarks.md)");
                }
                out.flush();
                return ExitCodes.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("avpipeline bench fetch: interrupted");
                return ExitCodes.ERROR;
            } catch (Exception e) {
                err.println("avpipeline bench fetch: failed: " + e);
                return ExitCodes.ERROR;
            }
        }
    }

    /** {@code bench build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Fills a raw store straight from the simulated market (no HTTP; reused when it already "
                    + "holds that market), then times the build as 'avpipeline build' runs it.",
                    "Reports the wall time, rows, rows/s, the artifact's size, the peak RSS and the heap's maximum."})
    static final class Build implements Callable<Integer> {
        @Option(names = "--tickers", paramLabel = "N", description = "Constituents of the simulated ETF (default ${DEFAULT-VALUE}).")
        int tickers = 100;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Where the raw store and the artifact go (default: <tmp>/avpipeline-bench-build-<N>).")
        Path dataDir;

        @Option(names = "--threads", paramLabel = "N", description = "Build threads (default: the processors, ${DEFAULT-VALUE}).")
        int threads = ArtifactBuild.defaultThreads();

        @Option(names = "--seed", paramLabel = "S", description = "The simulated market's seed (default ${DEFAULT-VALUE}).")
        long seed = SimulatorConfig.DEFAULT_SEED;

        @Option(names = "--repeat", paramLabel = "N",
                description = "Builds N times in this JVM (the first is what 'avpipeline build' sees; later ones run "
                        + "on compiled code; default ${DEFAULT-VALUE}).")
        int repeat = 1;

        @Option(names = "--no-companions", description = "Build the daily panel only, without the companion files.")
        boolean noCompanions;

        @Mixin
        CleaningOption cleaning;

        @Option(names = "--vintages", paramLabel = "N", defaultValue = "1",
                description = "Answers of each statement function per ticker: the current one and those of the "
                        + "N-1 weeks before, as weekly fetches keep them (default ${DEFAULT-VALUE}).")
        int vintages;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (tickers < 1 || tickers > 100_000 || threads < 1 || repeat < 1 || vintages < 1 || vintages > 520) {
                err.println("avpipeline bench build: --tickers must be 1..100000, --threads and --repeat at least 1, "
                        + "--vintages 1..520");
                return ExitCodes.USAGE;
            }
            CleaningMode mode;
            try {
                mode = cleaning.resolve(System.getenv());
            } catch (SettingsException e) {
                err.println("avpipeline bench build: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            Path dir = dataDir != null ? dataDir
                    : Path.of(System.getProperty("java.io.tmpdir"), "avpipeline-bench-build-" + tickers
                            + (vintages > 1 ? "-v" + vintages : ""));
            SimulatedMarket market = SimulatedMarket.create(seed, SimulatedMarket.DEFAULT_ETF, tickers,
                    LocalDate.now(ZoneOffset.UTC));
            out.printf("bench build: %d tickers of %s (seed %d) in %s, %d threads%n", tickers, market.etfSymbol(),
                    seed, dir.toAbsolutePath(), threads);
            out.flush();
            try {
                for (int i = 1; i <= repeat; i++) {
                    if (repeat > 1) {
                        out.printf("-- build %d of %d%n", i, repeat);
                    }
                    BuildBenchResult r = BuildBenchmark.run(market, dir, threads, BuildProgress.silent(), !noCompanions,
                            mode, vintages);
                    out.print(r.format());
                    out.flush();
                }
                out.println("Artifact            " + BuildBenchmark.artifactPath(dir).toAbsolutePath());
                out.flush();
                return ExitCodes.OK;
            } catch (Exception e) {
                err.println("avpipeline bench build: failed: " + e);
                return ExitCodes.ERROR;
            }
        }
    }

    /** {@code bench refresh}. */
    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Travels through a simulated market week by week (one simulator, an as-of date per "
                    + "request): fills a raw store with a full fetch, then makes the weekly fetches into it.",
                    "Reports each week's calls as a share of the full fetch's (six per ticker; targets: mean <= 25%%, "
                            + "worst week <= 40%%), the answers by refresh reason, and the wall time at the rate."})
    static final class Refresh implements Callable<Integer> {
        @Option(names = "--tickers", paramLabel = "N", description = "Constituents of the simulated market (default ${DEFAULT-VALUE}).")
        int tickers = 100;

        @Option(names = "--weeks", paramLabel = "N", description = "Weekly runs (default ${DEFAULT-VALUE}).")
        int weeks = 13;

        @Option(names = "--first-week", paramLabel = "YYYY-MM-DD",
                description = "The day of the first weekly run (default 2024-04-01: the quarter of the first-quarter "
                        + "earnings season).")
        LocalDate firstWeek = org.avpipeline.bench.RefreshBenchmark.defaultFirstWeek();

        @Option(names = "--seed", paramLabel = "S", description = "The simulated market's seed (default ${DEFAULT-VALUE}).")
        long seed = SimulatorConfig.DEFAULT_SEED;

        @Option(names = "--rate-limit", paramLabel = "N",
                description = "Requests per minute for the wall time (default ${DEFAULT-VALUE}; the benchmark itself "
                        + "runs unpaced).")
        int rateLimit = 75;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (tickers < 1 || tickers > 10_000 || weeks < 1 || weeks > 104 || rateLimit < 1) {
                err.println("avpipeline bench refresh: --tickers must be 1..10000, --weeks 1..104, --rate-limit at "
                        + "least 1");
                return ExitCodes.USAGE;
            }
            out.printf("bench refresh: %d tickers (seed %d), %d weekly runs from %s after a full fetch the week "
                    + "before%n", tickers, seed, weeks, firstWeek);
            out.flush();
            try {
                out.print(org.avpipeline.bench.RefreshBenchmark.format(
                        org.avpipeline.bench.RefreshBenchmark.run(tickers, firstWeek, weeks, seed), rateLimit));
                out.flush();
                return ExitCodes.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("avpipeline bench refresh: interrupted");
                return ExitCodes.ERROR;
            } catch (Exception e) {
                err.println("avpipeline bench refresh: failed: " + e);
                return ExitCodes.ERROR;
            }
        }
    }
}
