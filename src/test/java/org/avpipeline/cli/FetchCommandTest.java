package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StubAlphaVantage;
import org.avpipeline.alphavantage.StubAlphaVantage.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FetchCommandTest {
    static final String KEY = "CLIKEY98765";

    @TempDir
    Path dataDir;

    private StubAlphaVantage stub;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        stub = StubAlphaVantage.withData();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ALPHA_VANTAGE_API_KEY", KEY);
        env.put("AV_BASE_URL", stub.url().toString());
        env.put("AV_RATE_LIMIT_PER_MIN", "6000");
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new FetchCommand(env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void fetchesAnExplicitListAndPrintsTheSummary() {
        int code = run(env(), "--tickers", "ibm,MSFT", "--data-dir", dataDir.toString());
        assertEquals(0, code, err.toString());
        String table = out.toString();
        assertTrue(table.contains("Universe: 2 tickers (explicit list)"), table);
        assertTrue(table.contains("TIME_SERIES_DAILY_ADJUSTED"), table);
        // the six data types and OVERVIEW (for the company profiles) of each ticker
        assertTrue(table.matches("(?s).*total\\s+14\\s+0\\s+0.*"), table);
        assertTrue(Files.isRegularFile(dataDir.resolve("raw/MSFT/BALANCE_SHEET.json.gz")));
        assertTrue(Files.isRegularFile(dataDir.resolve("raw/MSFT/OVERVIEW.json.gz")));
        assertEquals(14, stub.queries().size());
    }

    @Test
    void withoutCompanionsNoOverviewIsFetched() {
        assertEquals(0, run(env(), "--tickers", "ibm,MSFT", "--data-dir", dataDir.toString(), "--no-companions"),
                err.toString());
        assertTrue(out.toString().matches("(?s).*total\\s+12\\s+0\\s+0.*"), out.toString());
        assertEquals(12, stub.queries().size());
        Map<String, String> env = env();
        env.put("COMPANION_ARTIFACTS", "false");
        assertEquals(0, run(env, "--tickers", "ibm,MSFT", "--data-dir", dataDir.toString(), "--refresh"));
        assertEquals(24, stub.queries().size());
        assertTrue(stub.queries().stream().noneMatch(q -> "OVERVIEW".equals(q.get("function"))));
    }

    @Test
    void fetchesAnEtfFromTheEnvironmentAndKeepsFreshAnswers() {
        Map<String, String> env = env();
        env.put("ETF_SYMBOL", "QQQ");
        assertEquals(0, run(env, "--data-dir", dataDir.toString()), err.toString());
        assertTrue(out.toString().contains("(holdings of QQQ)"), out.toString());
        assertTrue(Files.isRegularFile(dataDir.resolve("raw/_etf/QQQ/ETF_PROFILE.json.gz")));
        assertEquals(15, stub.queries().size());
        assertEquals(0, run(env, "--data-dir", dataDir.toString()));
        assertEquals(15, stub.queries().size(), "a second run within the max age requests nothing");
        assertEquals(0, run(env, "--data-dir", dataDir.toString(), "--refresh"));
        assertEquals(30, stub.queries().size());
    }

    @Test
    void failedTickersStillExitZeroAndAreListed() {
        stub.script(AvFunction.EARNINGS, "ZZZZ", Reply.ok("{\"Error Message\": \"Invalid API call.\"}"));
        assertEquals(0, run(env(), "--tickers", "ZZZZ", "--data-dir", dataDir.toString()));
        assertTrue(out.toString().contains("ticker ZZZZ, EARNINGS: unknown symbol"), out.toString());
    }

    @Test
    void missingKeyIsAUsageErrorNamingTheVariable() {
        Map<String, String> env = env();
        env.remove("ALPHA_VANTAGE_API_KEY");
        assertEquals(2, run(env, "--tickers", "IBM", "--data-dir", dataDir.toString()));
        assertTrue(err.toString().contains("ALPHA_VANTAGE_API_KEY"), err.toString());
        assertEquals(0, stub.queries().size());
    }

    @Test
    void invalidSettingsFailBeforeAnyRequest() {
        assertEquals(2, run(env(), "--tickers", "IBM", "--rate-limit", "0"));
        assertTrue(err.toString().contains("--rate-limit / AV_RATE_LIMIT_PER_MIN"), err.toString());
        Map<String, String> env = env();
        env.put("ETF_SYMBOL", "not an etf");
        assertEquals(2, run(env));
        assertTrue(err.toString().contains("--etf / ETF_SYMBOL"), err.toString());
        assertEquals(2, run(env(), "--tickers", "IBM", "--max-age", "soon"));
        assertEquals(2, run(env(), "--bogus"));
        assertEquals(2, run(env(), "--etf", "QQQ", "--tickers", "IBM"));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertEquals(0, stub.queries().size());
    }

    @Test
    void etfLookupFailureExitsThree() {
        stub.script(AvFunction.ETF_PROFILE, "NOPE", Reply.ok("{\"Error Message\": \"Invalid API call.\"}"));
        assertEquals(3, run(env(), "--etf", "nope", "--data-dir", dataDir.toString()));
        assertTrue(err.toString().contains("NOPE"), err.toString());
    }

    @Test
    void rejectedKeyExitsFourWithoutShowingTheKey() {
        for (AvFunction f : AvFunction.PER_TICKER) {
            stub.script(f, "IBM", Reply.ok("{\"Error Message\": \"the parameter apikey is invalid or missing: "
                    + KEY + "\"}"));
        }
        PrintStream realErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            code = run(env(), "--tickers", "IBM", "--data-dir", dataDir.toString());
        } finally {
            System.setErr(realErr);
        }
        assertEquals(4, code);
        assertTrue(err.toString().contains("rejected the API key"), err.toString());
        assertFalse(err.toString().contains(KEY), err.toString());
        assertFalse(out.toString().contains(KEY), out.toString());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(KEY), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void premiumExitsFourNamingTheFunction() {
        stub.script(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "IBM",
                Reply.ok("{\"Information\": \"Thank you for using Alpha Vantage! This is a premium endpoint.\"}"));
        assertEquals(4, run(env(), "--tickers", "IBM", "--data-dir", dataDir.toString(), "--concurrency", "1"));
        assertTrue(err.toString().contains("TIME_SERIES_DAILY_ADJUSTED"), err.toString());
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        assertEquals(0, run(env(), "--help"));
        String help = out.toString();
        for (String s : new String[] {"--etf", "--tickers", "--data-dir", "--rate-limit", "--max-age", "--refresh",
                "--av-url", "--api-key", "Exit codes", "ETF_SYMBOL", "AV_RATE_LIMIT_PER_MIN"}) {
            assertTrue(help.contains(s), s + " in " + help);
        }
        assertTrue(help.matches("(?s).*\\b4\\s+Alpha Vantage rejected the API key.*"), help);
    }

    @Test
    void registeredInMain() {
        CommandLine main = Main.commandLine();
        StringWriter help = new StringWriter();
        main.setOut(new PrintWriter(help, true));
        assertEquals(0, main.execute("fetch", "--help"));
        assertTrue(help.toString().contains("--tickers"));
    }
}
