package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.run.OutcomeRules;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, case 7: with a rate far above the plan, the answers that stay throttled lower the rate once (with the
 * measured rate and the --rate-limit to use), and the run is no success: too many requests failed.
 */
class ThrottledFetchTest {
    @TempDir
    Path dir;

    @Test
    void aRateFarAboveThePlanLowersTheRateAdvisesAndDegradesTheRun() throws Exception {
        try (SimulatorServer plan10 = SimulatorServer.start(SimulatorConfig.defaults().withTickers(3)
                .withAsOf(LocalDate.of(2025, 1, 3)).withRateLimitPerMinute(10))) {
            AlphaVantageClient client = AlphaVantageClient.builder("throttled").baseUrl(URI.create(plan10.baseUrl()))
                    .rateLimitPerMinute(6000).maxAttempts(2).backoffBase(Duration.ofMillis(2))
                    .maxDelay(Duration.ofMillis(20))
                    .build();
            Fetcher fetcher = new Fetcher(client, new LocalRawStore(dir), new FetchPolicy(Duration.ofDays(6), false, 4),
                    FetchProgress.silent(), Clock.systemUTC());
            List<String> tickers = plan10.market().tickers();
            FetchSummary s = fetcher.fetchTickers(tickers);

            assertEquals(10, s.fetched(), "the plan's 10 a minute");
            assertEquals(6 * tickers.size() - 10, s.failuresByReason().get("THROTTLED"), s.failuresByReason().toString());
            assertEquals(1, client.adaptiveRate().cuts(), "once: the next cut waits 15 s");
            assertEquals(3000, client.adaptiveRate().lowestPerMinute(), 1e-9);
            String advice = client.adaptiveRate().advice().orElseThrow();
            assertTrue(advice.contains("--rate-limit 10 "), advice);

            RunOutcome o = OutcomeRules.judge(s, List.of(), Optional.empty(), OutcomeThresholds.defaults());
            assertEquals(OutcomeStatus.DEGRADED, o.status());
            assertTrue(o.reasons().get(0).contains("requested answers failed"), o.reasons().toString());
        }
    }
}
