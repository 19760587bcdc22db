package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RunManifestJsonTest {

    @Test
    void realisticManifestSurvivesTheRoundTrip() {
        RunManifest m = SampleManifests.realistic();
        assertEquals(m, RunManifestJson.fromJson(RunManifestJson.toJson(m)));
    }

    @Test
    void emptyAndOneMonthManifestsSurviveTheRoundTrip() {
        for (RunManifest m : new RunManifest[] {SampleManifests.failedEarly(), SampleManifests.oneMonth()}) {
            RunManifest back = RunManifestJson.fromJson(RunManifestJson.toJson(m));
            assertEquals(m, back);
        }
        assertNull(RunManifestJson.fromJson(RunManifestJson.toJson(SampleManifests.failedEarly())).artifact());
    }

    @Test
    void fieldsAreSnakeCaseWithIsoTimesAndAVersion() throws Exception {
        JsonNode root = new ObjectMapper().readTree(RunManifestJson.toJson(SampleManifests.realistic()));
        assertEquals(RunManifest.SCHEMA_VERSION, root.path("schema_version").asInt(-1));
        assertEquals("2025-06-14T06:00:02Z", root.path("run").path("started_at").asText());
        assertEquals(765.0, root.path("run").path("duration_seconds").asDouble(), 1e-9);
        assertEquals("2005-01-01", root.path("run").path("start_date").asText());
        assertEquals("SUCCESS_WITH_FAILURES", root.path("run").path("status").asText());
        assertEquals("QQQ", root.path("run").path("etf_symbol").asText());
        JsonNode funnel = root.path("funnel");
        assertEquals(103, funnel.path("etf_holdings").asInt());
        assertEquals(3, funnel.path("fetch_by_type").path(5).path("skipped_fresh").asInt());
        assertEquals("CASH_FLOW", funnel.path("fetch_by_type").path(5).path("data_type").asText());
        assertEquals("PDD", funnel.path("fetch_by_type").path(5).path("failures").path(0).path("ticker").asText());
        assertEquals("TOO_LITTLE_HISTORY", funnel.path("build_drops").path(0).path("step").asText());
        assertEquals("INCOME_STATEMENT", funnel.path("build_drops").path(0).path("statement").asText());
        assertEquals("2005-01", root.path("coverage").path("months").path(0).path("month").asText());
        assertTrue(root.path("coverage").path("months").path(0).has("tickers_complete"));
        assertEquals(75.0, root.path("fetch").path("plan_per_minute").asDouble());
        assertEquals(603 * 60.0 / 516.4, root.path("fetch").path("achieved_per_minute").asDouble(), 1e-9);
        assertEquals(187_342_905L, root.path("artifact").path("size_bytes").asLong());
        // Helper methods are not fields.
        assertFalse(funnel.has("fetch_failures"));
        assertFalse(root.path("cleaning").has("stage1_total"));
    }

    @Test
    void unknownFieldsAreIgnoredAndBadDatesAreErrors() {
        String json = RunManifestJson.toJson(SampleManifests.oneMonth());
        String extended = json.replaceFirst("\\{", "{\"added_later\": [1, 2],");
        assertEquals(YearMonth.of(2025, 5), RunManifestJson.fromJson(extended).coverage().months().get(0).month());
        String broken = json.replace("\"2025-05\"", "\"May 2025\"");
        assertThrows(UncheckedIOException.class, () -> RunManifestJson.fromJson(broken));
    }
}
