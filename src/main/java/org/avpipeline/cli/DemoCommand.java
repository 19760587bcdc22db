package org.avpipeline.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.avpipeline.config.FetchSettings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.panel.CleaningMode;
import picocli.CommandLine.Mixin;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.ArtifactPreview;
import org.avpipeline.run.Pipeline;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avpipeline demo}: the whole job on embedded defaults, with no account: the built-in Alpha Vantage simulator
 * started in-process on a free loopback port, a local data folder, then a look at the artifact.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole job (fetch, build, run report) against the built-in Alpha Vantage simulator, "
                + "started in-process on 127.0.0.1: no account and no network needed.",
                "Prints where the artifact and the run report are, and a few rows of the artifact."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--tickers", paramLabel = "N", description = "Constituents of the simulated ETF (default ${DEFAULT-VALUE}).")
    int tickers = SimulatorConfig.DEFAULT_TICKERS;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the demo's raw store and artifacts go "
            + "(default avpipeline-demo for the default market, avpipeline-demo-seed<S>-tickers<N> for another; a "
            + "folder holding another market's answers is refused).")
    Path dataDir;

    @Option(names = "--seed", paramLabel = "S", description = "The simulated market's seed (default ${DEFAULT-VALUE}).")
    long seed = SimulatorConfig.DEFAULT_SEED;

    @Option(names = "--rate-limit", paramLabel = "N", description = "Requests per minute the client may make (default ${DEFAULT-VALUE}).")
    int rateLimit = 1200;

    @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "First day of the panel (default ${DEFAULT-VALUE}).")
    LocalDate startDate = LocalDate.of(2004, 12, 31);

    @Option(names = "--refresh", description = "Fetch everything again, however fresh the stored answers are.")
    boolean refresh;

    @Option(names = "--no-companions", description = "Only the daily panel, without the companion files beside it.")
    boolean noCompanions;

    @picocli.CommandLine.Mixin
    WaitOption lockWait;

    @Mixin
    CleaningOption cleaning;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tickers < 1 || tickers > 10_000) {
            err.println("avpipeline demo: Invalid --tickers: must be 1..10000, got " + tickers);
            return ExitCodes.USAGE;
        }
        if (rateLimit < 1) {
            err.println("avpipeline demo: Invalid --rate-limit: must be at least 1, got " + rateLimit);
            return ExitCodes.USAGE;
        }
        CleaningMode mode;
        try {
            mode = cleaning.resolve(System.getenv());
        } catch (SettingsException e) {
            err.println("avpipeline demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Clock clock = Clock.systemUTC();
        SimulatorConfig config = SimulatorConfig.defaults().withSeed(seed).withTickers(tickers)
                .withAsOf(LocalDate.now(clock));
        Path dataDir = this.dataDir != null ? this.dataDir : DemoFolder.defaultFor(config);
        try {
            DemoFolder.claim(dataDir, config, this.dataDir != null);
        } catch (org.avpipeline.config.SettingsException e) {
            err.println("avpipeline demo: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (java.io.IOException e) {
            err.println("avpipeline demo: cannot use " + dataDir + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        try (SimulatorServer simulator = SimulatorServer.start(config)) {
            out.println("Alpha Vantage simulator: " + simulator.baseUrl() + " (" + tickers + " constituents of "
                    + config.etfSymbol() + ", seed " + seed + "), data folder " + dataDir);
            out.flush();
            FetchSettings settings = new FetchSettings(config.etfSymbol(), List.of(), "demo", rateLimit,
                    URI.create(simulator.baseUrl()), dataDir, FetchPolicy.DEFAULT_MAX_AGE, refresh,
                    FetchPolicy.defaultConcurrency(rateLimit));
            int code = LocalRun.run(settings, startDate, ArtifactBuild.defaultThreads(), clock, out, err,
                    "avpipeline demo", !noCompanions, lockWait.waitForLock, mode);
            if (code == ExitCodes.OK) {
                Path artifact = Pipeline.artifactPath(dataDir, LocalDate.now(clock));
                out.println();
                out.println("A few rows of " + artifact + ":");
                out.print(ArtifactPreview.of(artifact, 6));
                out.println();
                out.println("Look further with: ./avpipeline inspect " + artifact + " --ticker <T>");
                out.println("Open the run report: " + artifact.resolveSibling("run_report.html").toAbsolutePath());
                out.flush();
            }
            return code;
        } catch (java.io.IOException e) {
            err.println("avpipeline demo: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
