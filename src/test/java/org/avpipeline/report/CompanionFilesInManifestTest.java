package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The companion files in the run manifest (JSON) and the run report, from the one manifest value. */
class CompanionFilesInManifestTest {
    private static final List<CompanionFile> FILES = List.of(
            new CompanionFile("ttm_quarterly_artifact.parquet", 1_374, 143, 790_935, 17),
            new CompanionFile("price_artifact.parquet", 96_024, 10, 2_226_821, 20),
            new CompanionFile("company_profile.parquet", 19, 10, 3_752, 19));

    @Test
    void theManifestListsThemAndReadsThemBack() {
        RunManifest m = SampleManifests.realistic().withCompanions(FILES);
        String json = RunManifestJson.toJson(m);
        assertTrue(json.contains("\"companions\" : [ {\n    \"file_name\" : \"ttm_quarterly_artifact.parquet\""), json);
        assertTrue(json.contains("\"size_bytes\" : 2226821"), json);
        assertEquals(m, RunManifestJson.fromJson(json));
        assertEquals(List.of(), RunManifestJson.fromJson(RunManifestJson.toJson(SampleManifests.realistic()))
                .companions(), "a manifest without them (or an older one) has none");
    }

    @Test
    void theReportShowsATableOfThemOnlyWhenThereAreSome() {
        String html = HtmlReport.render(SampleManifests.realistic().withCompanions(FILES));
        assertTrue(html.contains("<table id=\"companions\">"), "the table");
        assertTrue(html.contains("<code>price_artifact.parquet</code></td><td class=\"n\">96,024</td>"), html);
        assertTrue(html.contains("<code>company_profile.parquet</code>"), html);
        assertFalse(HtmlReport.render(SampleManifests.realistic()).contains("id=\"companions\""));
    }
}
