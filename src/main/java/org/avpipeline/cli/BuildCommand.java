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
import org.avpipeline.artifact.CompanionWriters;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.CleaningMode;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.config.SettingsResolver;
import org.avpipeline.fetch.Universe;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.DamagedAnswer;
import org.avpipeline.run.OutcomeRules;
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
                "Every stored answer is verified as a run's fetch verifies it (metadata present, SHA-256, parses); "
                        + "each one that cannot be used is listed with the reason and the fetch command that gets it "
                        + "again, and makes the build degraded: nothing is written unless --accept-degraded.",
                "The file is written under a temporary name and renamed when complete: a failed or degraded build "
                        + "never replaces an existing artifact.",
                "Beside it, the same way, the companion files (unless --no-companions): ttm_quarterly_artifact.parquet, "
                        + "price_artifact.parquet and company_profile.parquet when --out is named "
                        + "ttm_per_share_financial_artifact.parquet, else prefixed with its stem (--out qqq.parquet: "
                        + "qqq.ttm_quarterly_artifact.parquet, ...)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the artifact was written (also a degraded one with --accept-degraded)",
                "1:unexpected error",
                "2:bad usage, an invalid setting or --out, or no stored ETF profile for --etf (nothing was built)",
                "5:no ticker has price data on or after the start date: nothing written",
                "8:degraded: stored answers could not be used (listed, with the command that fetches them again); "
                        + "nothing written",
                "9:another run holds the data folder's lock (--wait waits for it); nothing was done"})
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

    @Option(names = "--accept-degraded", description = "Write the artifact even when stored answers could not be "
            + "used (it lacks their data; env " + OutcomeOptions.ENV_ACCEPT_DEGRADED + "=true).")
    boolean acceptDegraded;

    @Mixin
    WaitOption lockWait;

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

    /** The build's resolved options. */
    private record Resolved(LocalDate start, Path dir, String etf, boolean withCompanions, boolean accept,
            CleaningMode mode) {}

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Resolved o;
        try {
            o = resolve();
        } catch (SettingsException e) {
            err.println("avpipeline build: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path dir = o.dir();
        if (!Files.isDirectory(dir.resolve("raw"))) {
            err.println("avpipeline build: no raw store at " + dir.resolve("raw")
                    + " (run 'avpipeline fetch --data-dir " + dir + "' first, or pass --data-dir)");
            return ExitCodes.USAGE;
        }
        LocalRawStore store = new LocalRawStore(dir);
        boolean explicit = universe != null && universe.tickers != null;
        List<String> tickers = tickers(store, explicit, o.etf(), dir, err);
        if (tickers == null) {
            return ExitCodes.USAGE;
        }
        tickers.sort(null);
        Instant now = Instant.now();
        String runId = Pipeline.runId(now, explicit ? "tickers" : o.etf());
        WaitOption.Locked locked = lockWait.lock(dir, runId, err, "avpipeline build");
        if (locked.lock() == null) {
            return locked.code();
        }
        try {
            return build(tickers, store, dir, o.start(), o.mode(), new ArtifactMetadata(Version.get(), runId,
                    explicit ? "" : o.etf(), o.start(), now), o.withCompanions(), o.accept(), err);
        } finally {
            WaitOption.release(locked.lock());
        }
    }

    /** The options and their environment variables, resolved in the order they are reported. */
    private Resolved resolve() throws SettingsException {
        SettingsResolver resolver = new SettingsResolver(env);
        LocalDate start = startDate.resolve(env);
        boolean withCompanions = companions.resolve(env);
        boolean accept = OutcomeOptions.acceptDegraded(acceptDegraded, env);
        CleaningMode mode = cleaning.resolve(env);
        checkOut(out, withCompanions);
        Path dir = resolver.path("--data-dir", dataDir, null, Settings.DEFAULT_DATA_DIR);
        String etf = resolver.symbol("--etf", universe == null ? null : universe.etf, Settings.ENV_ETF_SYMBOL,
                Settings.DEFAULT_ETF);
        if (threads < 1) {
            throw new SettingsException("Invalid --threads: must be at least 1.");
        }
        return new Resolved(start, dir, etf, withCompanions, accept, mode);
    }

    /** The universe: --tickers, or the stored ETF profile's holdings; null (reported) when neither is usable. */
    private List<String> tickers(LocalRawStore store, boolean explicit, String etf, Path dir, PrintWriter err) {
        try {
            if (explicit) {
                return new ArrayList<>(Settings.explicitTickers(universe.tickers));
            }
            Optional<List<EtfHolding>> holdings = Pipeline.storedHoldings(store, etf);
            if (holdings.isEmpty()) {
                err.println("avpipeline build: no stored ETF profile for " + etf + " under " + dir.resolve("raw")
                        + " (fetch it with 'avpipeline fetch --etf " + etf + "', or pass --tickers)");
                return null;
            }
            return new ArrayList<>(Universe.fromHoldings(etf, holdings.get()).tickers());
        } catch (SettingsException e) {
            err.println("avpipeline build: " + e.getMessage());
            return null;
        } catch (MalformedAnswerException | java.io.IOException e) {
            err.println("avpipeline build: the stored ETF profile of " + etf + " is unreadable: " + e.getMessage());
            return null;
        }
    }

    /**
     * The build, every stored answer verified, judged by {@link OutcomeRules#judgeBuild} before anything is placed:
     * a degraded build writes nothing unless accepted.
     */
    private int build(List<String> tickers, LocalRawStore store, Path dir, LocalDate start, CleaningMode mode,
            ArtifactMetadata meta, boolean withCompanions, boolean accept, PrintWriter err) {
        RunOutcome[] verdict = new RunOutcome[1];
        try {
            ArtifactBuild.Result result = ArtifactBuild.run(tickers, store, BuildParameters.of(start, mode),
                    out.toAbsolutePath(), meta, threads, BuildProgress.auto(), withCompanions, true, r -> {
                        RunOutcome v = OutcomeRules.judgeBuild(r.contents(), r.damaged(),
                                OutcomeThresholds.defaults());
                        boolean publish = v.status() == OutcomeStatus.SUCCESS || accept;
                        verdict[0] = v.withPublication(publish, v.status() == OutcomeStatus.DEGRADED && publish);
                        return publish;
                    });
            boolean published = verdict[0].published();
            Path written = published ? out.toAbsolutePath() : null;
            out().print(RunSummaryText.build(result, written));
            if (!result.damaged().isEmpty()) {
                out().println("  Fetch them again with: " + DamagedAnswer.refetchCommand(dir, result.damaged()));
            }
            out().print(RunSummaryText.outcome(verdict[0], written));
            out().flush();
            return published ? ExitCodes.OK : ExitCodes.DEGRADED;
        } catch (ArtifactBuild.NothingToWriteException e) {
            if (!e.damaged().isEmpty()) {
                err.println("avpipeline build: " + e.damaged().size() + " stored answers could not be used:");
                for (DamagedAnswer d : e.damaged()) {
                    err.println("  " + d.describe());
                }
                err.println("  Fetch them again with: " + DamagedAnswer.refetchCommand(dir, e.damaged()));
            }
            err.println("avpipeline build: " + e.getMessage());
            return ExitCodes.NOTHING_TO_WRITE;
        } catch (Exception e) {
            err.println("avpipeline build: failed: " + e);
            return ExitCodes.ERROR;
        }
    }

    /**
     * What {@code --out} must be, checked before any work: a file name (not an existing folder, nor anything else
     * that is not a file), in a folder that exists or can be created and is writable; the companion files' names
     * beside it ({@link CompanionWriters#besideArtifact}) must not be folders either.
     */
    static void checkOut(Path out, boolean withCompanions) {
        Path file = out.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new SettingsException("Invalid --out " + out + ": it is a folder; name the file, e.g. --out "
                    + out.resolve(org.avpipeline.artifact.ArtifactSchema.FILE_NAME) + ".");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new SettingsException("Invalid --out " + out + ": it exists and is not a regular file.");
        }
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new SettingsException("Invalid --out " + out + ": " + existing + " is not a folder.");
        }
        if (!Files.isWritable(existing)) {
            throw new SettingsException("Invalid --out " + out + ": the folder " + existing + " is not writable.");
        }
        if (withCompanions) {
            for (org.avpipeline.artifact.TableSchema table : org.avpipeline.artifact.CompanionSchemas.ALL) {
                Path beside = CompanionWriters.besideArtifact(file, table);
                if (Files.exists(beside) && !Files.isRegularFile(beside)) {
                    throw new SettingsException("Invalid --out " + out + ": its companion file " + beside
                            + " exists and is not a regular file.");
                }
            }
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
