package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareBasisSectionTest {
    private static String section(ShareBases b) {
        StringBuilder h = new StringBuilder();
        ShareBasisSection.render(h, b);
        return h.toString();
    }

    @Test
    void countsTheTickersOfEachBasisAndListsEverySplitWithItsWarning() {
        String html = section(SampleManifests.shareBases());
        assertTrue(html.contains("<div class=\"k\">As reported</div><div class=\"v\">2</div>"), html);
        assertTrue(html.contains("<div class=\"k\">Restated</div><div class=\"v\">1</div>"), html);
        assertTrue(html.contains("<div class=\"k\">Untested (restated)</div><div class=\"v\">1</div>"), html);
        assertTrue(html.contains("<div class=\"k\">Without splits</div><div class=\"v\">90</div>"), html);
        assertTrue(html.contains("1 split with a doubtful basis"), html);
        assertTrue(html.contains("<li><b>AVGO</b> 2024-07-15: untested"), html);
        // one row per split: date, factor, r, decision, how, the quarters around it
        assertTrue(html.contains("<td>2020-08-31</td><td class=\"n\">4</td><td class=\"n\">3.963</td>"
                + "<td>as reported</td><td>tested</td><td>2020-06-30 \u2192 2020-09-30</td>"), html);
        assertTrue(html.contains("<td>2024-07-15</td><td class=\"n\">10</td><td class=\"n\">\u2014</td>"
                + "<td>restated</td><td>assumed</td><td>2024-04-30 \u2192 \u2014</td>"), html);
        assertEquals(5, html.split("<tr><td>", -1).length - 1, "five splits");
        assertTrue(html.contains("<b>AAPL</b> <span class=\"tag\">as reported</span>"), html);
    }

    @Test
    void withoutSplitsItSaysSo() {
        String html = section(new ShareBases(0, 0, 0, 12, List.of()));
        assertTrue(html.contains("No ticker has a split that counts."), html);
        assertFalse(html.contains("doubtful"), html);
        assertFalse(html.contains("<table"), html);
    }
}
