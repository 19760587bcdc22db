package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--tickers|0|--tickers",
            "--port|70000|--port",
            "--rate-limit|-1|--rate-limit",
            "--latency-ms|-5|--latency-ms",
            "--faults|flaky=0.1|--faults",
            "--faults|5xx=2|--faults",
            "--as-of|2025-13-01|--as-of",
            "--etf|Q Q Q|--etf"})
    void rejectsBadOptionsNamingTheOption(String option, String value, String named) {
        Run r = run("simulate", option, value);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(named), r.err());
    }

    @Test
    void servesUntilStoppedPrintingTheBaseUrlAndTheConstituents() throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("simulate", "--port", "0",
                "--tickers", "12", "--seed", "7", "--as-of", "2025-06-30", "--stop-after", "3"));
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/query)");
        for (int i = 0; i < 400 && !out.toString().contains("Press Ctrl-C to stop."); i++) {
            Thread.sleep(25);
        }
        Matcher m = url.matcher(out.toString());
        assertTrue(m.find(), "no base URL printed: " + out);
        String printed = out.toString();
        assertTrue(printed.contains("ACMA") && printed.contains("NVLT") && printed.contains("GONE"), printed);
        assertTrue(printed.contains("SHORT_HISTORY"), printed);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(m.group(1)
                + "?function=ETF_PROFILE&symbol=QQQ&apikey=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"holdings\": ["));

        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("Simulator stopped after 1 requests."), out.toString());
    }
}
