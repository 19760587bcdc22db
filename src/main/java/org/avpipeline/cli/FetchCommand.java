package org.avpipeline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.FatalAnswerException;
import org.avpipeline.config.FetchSettings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.fetch.EtfLookupException;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.FetchStoppedException;
import org.avpipeline.fetch.FetchSummaryTable;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.raw.LocalRawStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code avpipeline fetch}: parsing and exit codes; the work is {@link Fetcher}'s. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetches the universe's raw Alpha Vantage data into the raw store.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the fetch completed (tickers that lack some data are listed in the summary)",
                "1:unexpected error",
                "2:bad usage or an invalid setting (nothing was fetched)",
                "3:the ETF's holdings could not be fetched",
                "4:Alpha Vantage rejected the API key, or the key's plan lacks a function (premium)",
                "7:nothing was fetched: Alpha Vantage unreachable (the fetch stops early), or every request failed",
                "9:another run holds the data folder's lock (--wait waits for it); nothing was fetched"})
public final class FetchCommand implements Callable<Integer> {

    @Mixin
    FetchOptions options;

    @Mixin
    CompanionsOption companions;

    @Mixin
    WaitOption lockWait;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public FetchCommand() {
        this(System.getenv());
    }

    /** With another environment (tests). */
    public FetchCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FetchSettings settings;
        String key;
        boolean withOverviews;
        try {
            settings = options.resolve(env);
            key = settings.requireApiKey();
            withOverviews = companions.resolve(env);
        } catch (SettingsException e) {
            err.println("avpipeline fetch: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        WaitOption.Locked locked = lockWait.lock(settings.dataDir(), org.avpipeline.run.Pipeline.runId(
                Clock.systemUTC().instant(), "fetch"), err, "avpipeline fetch");
        if (locked.lock() == null) {
            return locked.code();
        }
        try {
            return fetch(settings, key, withOverviews, out, err);
        } finally {
            WaitOption.release(locked.lock());
        }
    }

    private int fetch(FetchSettings settings, String key, boolean withOverviews, PrintWriter out, PrintWriter err) {
        AlphaVantageClient client = AlphaVantageClient.builder(key)
                .baseUrl(settings.avBaseUrl())
                .rateLimitPerMinute(settings.rateLimitPerMinute())
                .build();
        LocalRawStore store = new LocalRawStore(settings.dataDir());
        Fetcher fetcher = new Fetcher(client, store, FetchPolicy.of(settings), FetchProgress.auto(), Clock.systemUTC());
        if (withOverviews) {
            fetcher.withCompanyOverviews();
        }
        try (InterruptNote stopped = InterruptNote.register(err,
                InterruptNote.fetchKept("avpipeline fetch", settings.dataDir()))) {
            FetchSummary summary = settings.explicitTickers() ? fetcher.fetchTickers(settings.tickers())
                    : fetcher.fetchEtf(settings.etfSymbol());
            out.print(FetchSummaryTable.format(summary));
            out.flush();
            if (summary.fetched() == 0 && summary.skippedFresh() == 0 && summary.failed() > 0) {
                err.println("avpipeline fetch: nothing was fetched: every answer failed (reasons above)");
                return ExitCodes.FETCH_FAILED;
            }
            return ExitCodes.OK;
        } catch (FetchStoppedException e) {
            err.println("avpipeline fetch: " + client.redactor().redact(e.getMessage()));
            return ExitCodes.FETCH_FAILED;
        } catch (EtfLookupException e) {
            err.println("avpipeline fetch: " + client.redactor().redact(e.getMessage()));
            return ExitCodes.ETF_LOOKUP;
        } catch (FatalAnswerException e) {
            err.println("avpipeline fetch: " + client.redactor().redact(e.getMessage()));
            return ExitCodes.KEY_REJECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("avpipeline fetch: interrupted");
            return ExitCodes.ERROR;
        }
    }
}
