package org.avpipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.avpipeline.Version;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.CleaningMode;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.config.SettingsResolver;
import org.avpipeline.fetch.Universe;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.BuildProgress;
import org.avpipeline.run.Pipeline;
import org.avpipeline.run.RunSummaryText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avpipeline build}: the artifact from the raw store alone (no network). */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the artifact from the raw store (no network): the universe is the stored ETF "
                + "profile's holdings, or --tickers.",
                "The file is written under a temporary name and renamed when complete: a failed build never "
                        + "replaces an existing artifact.",
                "Beside it, the same way, the companion files ttm_quarterly_artifact.parquet, price_artifact.parquet "
                        + "and company_profile.parquet (unless --no-companions)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the artifact was written (tickers whose raw data was unreadable are listed)",
                "1:unexpected error",
                "2:bad usage, an invalid setting, or no stored ETF profile for --etf",
                "5:no ticker has price data on or after the start date: nothing written"})
public final class BuildCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    FetchOptions.UniverseChoice universe;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory whose raw/ holds the fetched answers (default ./avpipeline-data).")
    String dataDir;

    @Mixin
    StartDateOption startDate;

    @Mixin
    CompanionsOption companions;

    @Mixin
    CleaningOption cleaning;

    @Option(names = "--out", paramLabel = "FILE.parquet", required = true, description = "Where to write the artifact.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Build threads (default: the processors, ${DEFAULT-VALUE}).")
    int threads = ArtifactBuild.defaultThreads();

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public BuildCommand() {
        this(System.getenv());
    }

    /** With another environment (tests). */
    public BuildCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SettingsResolver resolver = new SettingsResolver(env);
        LocalDate start;
        Path dir;
        String etf;
        boolean withCompanions;
        CleaningMode mode;
        try {
            start = startDate.resolve(env);
            withCompanions = companions.resolve(env);
            mode = cleaning.resolve(env);
            dir = resolver.path("--data-dir", dataDir, null, Settings.DEFAULT_DATA_DIR);
            etf = resolver.symbol("--etf", universe == null ? null : universe.etf, Settings.ENV_ETF_SYMBOL,
                    Settings.DEFAULT_ETF);
            if (threads < 1) {
                throw new SettingsException("Invalid --threads: must be at least 1.");
            }
        } catch (SettingsException e) {
            err.println("avpipeline build: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(dir.resolve("raw"))) {
            err.println("avpipeline build: no raw store at " + dir.resolve("raw")
                    + " (run 'avpipeline fetch --data-dir " + dir + "' first, or pass --data-dir)");
            return ExitCodes.USAGE;
        }
        LocalRawStore store = new LocalRawStore(dir);
        boolean explicit = universe != null && universe.tickers != null;
        List<String> tickers;
        try {
            if (explicit) {
                tickers = new ArrayList<>(Universe.fromTickers(universe.tickers).tickers());
                if (tickers.isEmpty()) {
                    throw new SettingsException("Invalid --tickers: no ticker symbols given.");
                }
            } else {
                Optional<List<EtfHolding>> holdings = Pipeline.storedHoldings(store, etf);
                if (holdings.isEmpty()) {
                    err.println("avpipeline build: no stored ETF profile for " + etf + " under " + dir.resolve("raw")
                            + " (fetch it with 'avpipeline fetch --etf " + etf + "', or pass --tickers)");
                    return ExitCodes.USAGE;
                }
                tickers = new ArrayList<>(Universe.fromHoldings(etf, holdings.get()).tickers());
            }
        } catch (SettingsException e) {
            err.println("avpipeline build: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (MalformedAnswerException | java.io.IOException e) {
            err.println("avpipeline build: the stored ETF profile of " + etf + " is unreadable: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        tickers.sort(null);
        Instant now = Instant.now();
        ArtifactMetadata meta = new ArtifactMetadata(Version.get(), Pipeline.runId(now, explicit ? "tickers" : etf),
                explicit ? "" : etf, start, now);
        try {
            ArtifactBuild.Result result = ArtifactBuild.run(tickers, store, BuildParameters.of(start, mode),
                    out.toAbsolutePath(), meta, threads, BuildProgress.auto(), withCompanions);
            out().print(RunSummaryText.build(result));
            out().flush();
            return ExitCodes.OK;
        } catch (ArtifactBuild.NothingToWriteException e) {
            err.println("avpipeline build: " + e.getMessage());
            return ExitCodes.NOTHING_TO_WRITE;
        } catch (Exception e) {
            err.println("avpipeline build: failed: " + e);
            return ExitCodes.ERROR;
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
