package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ShareBasesJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theManifestCarriesEachSplitDecisionInSnakeCase() throws Exception {
        String json = RunManifestJson.toJson(SampleManifests.realistic());
        JsonNode b = JSON.readTree(json).get("share_bases");
        assertEquals(2, b.get("as_reported").asInt());
        assertEquals(1, b.get("untested").asInt());
        JsonNode avgo = b.get("tickers").get(1);
        assertEquals("AVGO", avgo.get("ticker").asText());
        JsonNode split = avgo.get("splits").get(0);
        assertEquals("2024-07-15", split.get("date").asText());
        assertTrue(split.get("ratio").isNull(), "an untested split has no ratio");
        assertEquals("ASSUMED", split.get("evidence").asText());
        assertEquals("2024-04-30", split.get("quarter_before").asText());
        assertTrue(split.get("warning").asText().startsWith("untested"));
        assertEquals(6.95, b.get("tickers").get(0).get("splits").get(0).get("ratio").asDouble());
    }

    @Test
    void aManifestWithoutShareBasesReadsAsEmpty() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(RunManifestJson.toJson(SampleManifests.realistic()));
        tree.remove("share_bases");
        RunManifest m = RunManifestJson.fromJson(JSON.writeValueAsString(tree));
        assertEquals(ShareBases.empty(), m.shareBases());
    }
}
