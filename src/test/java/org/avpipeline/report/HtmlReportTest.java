package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private static final String HOSTILE = "<script>alert('x')</script>";

    /** Issue 20: the mode and the checks of statement values, in the report as in the manifest. */
    @Test
    void theChecksSectionShowsTheModeTheYearsMatchedTheWorstMismatchesAndTheBalanceGaps() {
        RunManifest base = SampleManifests.realistic();
        Cleaning checked = base.cleaning().withChecks("as-served",
                List.of(new StatementCheck(AvFunction.INCOME_STATEMENT, 120, 111),
                        new StatementCheck(AvFunction.CASH_FLOW, 118, 117)),
                List.of(new AnnualMismatch("AAA", LocalDate.of(2019, 12, 31), "totalRevenue", 100e6, 90e6),
                        new AnnualMismatch("BBB", LocalDate.of(2020, 9, 30), "netIncome", 10e6, 13e6)),
                List.of(new BalanceGapQuarter("CCC", LocalDate.of(2021, 3, 31), -0.034)));
        RunManifest m = new RunManifest(base.schemaVersion(), base.run(), base.funnel(), base.fetch(), checked,
                base.coverage(), base.artifact(), base.warnings());
        String html = HtmlReport.render(m);
        String section = html.substring(html.indexOf("<section id=\"checks\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(section.contains("Mode <code>as-served</code>: statement values as served, none changed."), section);
        assertTrue(section.contains("111 of 120") && section.contains("117 of 118"), section);
        assertTrue(section.indexOf("BBB") < section.indexOf("AAA"), "the worst (30 % off) first: " + section);
        assertTrue(section.contains("100,000,000") && section.contains("90,000,000"), section);
        assertTrue(section.contains("CCC") && section.contains("-3.4 %"), section);
        assertTrue(html.contains("None: statement values as served"), "the cleaning section says nothing was repaired");
        RunManifest back = RunManifestJson.fromJson(RunManifestJson.toJson(m));
        assertEquals(m.cleaning(), back.cleaning());
        assertTrue(RunManifestJson.toJson(m).contains("\"mode\" : \"as-served\"")
                || RunManifestJson.toJson(m).contains("\"mode\":\"as-served\""), RunManifestJson.toJson(m));
    }

    @Test
    void realisticReportHasEverySectionAndItsNumbers() throws Exception {
        String html = HtmlReport.render(SampleManifests.realistic());
        Document doc = parse(html);
        for (String id : List.of("status", "warnings", "funnel", "fetch", "fetch-table", "cleaning", "share-basis",
                "share-basis-table", "coverage", "artifact")) {
            assertEquals(1.0, xpathNumber(doc, "count(//*[@id='" + id + "'])"), "exactly one #" + id);
        }
        assertEquals("Success, with failures", xpath(doc, "//*[@id='status']"));
        String available = xpath(doc, "//*[@id='available']");
        assertTrue(available.contains("its report day when it was reported before the open (reportTime pre-market), "
                + "otherwise (after the close, or no reportTime in older answers) the next price day"), available);
        assertTrue(xpath(doc, "//title").startsWith("QQQ run report"));
        // Cards.
        String cards = xpath(doc, "//div[@class='cards']");
        for (String number : List.of("99", "436,871", "178.7 MiB", "12 min 45 s", "70.1", "plan 75/min", "94 / 99")) {
            assertTrue(cards.contains(number), "cards lack " + number + ": " + cards);
        }
        // Funnel: the stage counts and the named drops with reasons.
        String funnel = xpath(doc, "//section[@id='funnel']");
        for (String s : List.of("Holdings of QQQ", "103", "n/a \u00d72, NVDA (duplicate)", "GEHC",
                "9 quarters (needs 10)", "ASML", "no quarterly statements (foreign filer)", "TEAM", "ARM",
                "price fetch failed", "94 with fundamentals, 5 prices only", "HTTP 503 after 3 attempts")) {
            assertTrue(funnel.contains(s), "funnel lacks " + s);
        }
        assertTrue(xpathNumber(doc, "count(//section[@id='funnel']//details)") >= 5);
        // Fetch: the per-type table and the totals.
        assertEquals("Cash flow", xpath(doc, "//table[@id='fetch-table']/tbody/tr[6]/td[1]"));
        assertEquals("1", xpath(doc, "//table[@id='fetch-table']/tbody/tr[6]/td[4]"));
        assertEquals("582", xpath(doc, "//table[@id='fetch-table']/tfoot/tr/td[2]"));
        String fetch = xpath(doc, "//section[@id='fetch']");
        assertTrue(fetch.contains("603") && fetch.contains("21") && fetch.contains("malformed answer"));
        // Cleaning: totals and the most affected ticker.
        Cleaning c = SampleManifests.realistic().cleaning();
        String cleaning = xpath(doc, "//section[@id='cleaning']");
        assertTrue(cleaning.contains(Format.count(c.stage1Total()) + " values repaired as temporary spikes"));
        assertTrue(cleaning.contains(c.mostAffected().get(0).ticker()));
        // Coverage: a chart with a line, year ticks and labelled axes.
        String coverageSvg = "//section[@id='coverage']//*[local-name()='svg']";
        assertEquals(1.0, xpathNumber(doc, "count(" + coverageSvg + ")"));
        String axisText = xpath(doc, coverageSvg);
        assertTrue(axisText.contains("Tickers") && axisText.contains("Month") && axisText.contains("2010"));
        assertTrue(xpathNumber(doc, "count(" + coverageSvg + "//*[local-name()='path'])") >= 2);
        // Artifact facts.
        String artifact = xpath(doc, "//section[@id='artifact']");
        assertTrue(artifact.contains("187,342,905 bytes") && artifact.contains("2005-01-03")
                && artifact.contains("s3://avpipeline-artifacts/qqq/ttm_per_share_financial_artifact.parquet"));
    }

    @Test
    void loadsNothingFromAnywhere() {
        String html = HtmlReport.render(SampleManifests.realistic());
        assertNoLoads(html);
        assertFalse(html.contains("http://") || html.contains("https://"), "a URL in the page");
    }

    @Test
    void hostileStringsAreEscapedEverywhere() throws Exception {
        String html = HtmlReport.render(hostile());
        parse(html);
        assertNoLoads(html);
        assertFalse(html.contains(HOSTILE), "raw script from the data");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a script element");
        assertFalse(html.contains("<img"), "an img element from the data");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the escaped text is shown");
        assertTrue(html.contains("Q&amp;Q"));
        assertFalse(html.contains("</style><"), "data closed the style element");
    }

    @Test
    void failedRunWithNoDataRendersEveryChartEmpty() throws Exception {
        String html = HtmlReport.render(SampleManifests.failedEarly());
        Document doc = parse(html);
        assertEquals("Failed", xpath(doc, "//*[@id='status']"));
        assertTrue(xpath(doc, "//section[@id='coverage']").contains("No coverage data"));
        assertTrue(xpath(doc, "//section[@id='funnel']").contains("stopped before it had any tickers"));
        assertTrue(xpath(doc, "//section[@id='cleaning']").contains("No value needed repair"));
        assertTrue(xpath(doc, "//section[@id='artifact']").contains("wrote no artifact"));
        assertTrue(xpath(doc, "//section[@id='fetch']").contains("Nothing was fetched"));
        assertTrue(xpath(doc, "//section[@id='cleaning']").contains("No ticker needed repairs"));
        assertTrue(xpath(doc, "//*[@id='warnings']").contains("premium"));
        assertNoBadNumbers(html);
    }

    @Test
    void oneMonthOfCoverageIsASingleLabelledBar() throws Exception {
        String html = HtmlReport.render(SampleManifests.oneMonth());
        Document doc = parse(html);
        String svg = "//section[@id='coverage']//*[local-name()='svg']";
        assertEquals(0.0, xpathNumber(doc, "count(" + svg + "//*[local-name()='path'])"), "no line through 1 point");
        String text = xpath(doc, svg);
        assertTrue(text.contains("1 of 1 complete") && text.contains("May 2025"), text);
        assertEquals("Success", xpath(doc, "//*[@id='status']"));
        assertTrue(xpath(doc, "//header").contains("Ticker list"), "no ETF: the universe was a list");
        assertNoBadNumbers(html);
    }

    @Test
    void everyChartHasAViewBoxAndNoBadNumbers() throws Exception {
        String html = HtmlReport.render(SampleManifests.realistic());
        Document doc = parse(html);
        NodeList svgs = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='svg']", doc, XPathConstants.NODESET);
        assertTrue(svgs.getLength() >= 4 + 6, "charts and mini bars: " + svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            assertTrue(((org.w3c.dom.Element) svgs.item(i)).getAttribute("viewBox").matches("0 0 \\d+ \\d+"));
        }
        assertNoBadNumbers(html);
    }

    @Test
    void camelCaseNamesBreakBeforeInnerCapitals() {
        assertEquals("net<wbr/>Income.cf", CleaningSection.camelBreaks("netIncome.cf"));
        assertEquals("&lt;b&gt;", CleaningSection.camelBreaks(Html.esc("<b>")));
    }

    private static RunManifest hostile() {
        RunManifest base = SampleManifests.realistic();
        RunInfo run = RunInfo.of(HOSTILE, RunStatus.SUCCESS_WITH_FAILURES, RunMode.LOCAL, "Q&Q",
                LocalDate.of(2005, 1, 1), Instant.parse("2025-06-14T06:00:02Z"), Instant.parse("2025-06-14T06:12:47Z"),
                "/tmp/\"><img src=x onerror=alert(1)>/" + HOSTILE, "1.0.0" + HOSTILE);
        Funnel funnel = new Funnel(5, 3,
                List.of(new DroppedSymbol("\"><img src=x onerror=alert(1)>", HOSTILE, 2)),
                List.of(new DataTypeFetch(AvFunction.EARNINGS, 2, 0, 1,
                        List.of(new TickerReason(HOSTILE, "Error Message: " + HOSTILE + " https://evil.example/a.js")))),
                List.of(new BuildDrop(BuildStep.NO_CONTINUOUS_QUARTERS, null,
                        List.of(new TickerReason("A&B", HOSTILE))),
                        BuildDrop.of(BuildStep.NO_PRICES, List.of(new TickerReason(HOSTILE, HOSTILE)))),
                1, 2);
        FetchStats fetch = FetchStats.of(10, 1, 0, List.of(new ReasonCount(HOSTILE, 1)), 9, 75);
        Cleaning cleaning = new Cleaning(List.of(new MetricRepairs(AvFunction.CASH_FLOW, HOSTILE, 3, 1)),
                List.of(new TickerRepairs(HOSTILE, 3, 1))).withChecks(HOSTILE,
                List.of(new StatementCheck(AvFunction.INCOME_STATEMENT, 2, 1)),
                List.of(new AnnualMismatch(HOSTILE, LocalDate.of(2019, 12, 31), HOSTILE, 10, 12)),
                List.of(new BalanceGapQuarter(HOSTILE, LocalDate.of(2019, 12, 31), 0.5)));
        Coverage coverage = new Coverage(HOSTILE, 2, List.of(new MonthCoverage(YearMonth.of(2024, 1), 2, 1),
                new MonthCoverage(YearMonth.of(2024, 2), 2, 2)));
        return new RunManifest(1, run, funnel, fetch, cleaning, coverage,
                new ArtifactFacts(HOSTILE, 40, 159, 1000, null, null, 2),
                List.of("</style><script>alert(1)</script>", "a & b @import url(x)"))
                .withShareBases(new ShareBases(0, 1, 0, 0, List.of(new ShareBases.TickerSplits(HOSTILE, HOSTILE,
                        List.of(new ShareBases.SplitDecision(LocalDate.of(2020, 1, 2), 2, 2.0, 0.1, HOSTILE, HOSTILE,
                                null, null, HOSTILE))))));
    }

    /** Nothing in the page makes a browser fetch anything. */
    private static void assertNoLoads(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String bad : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=",
                "srcset=", "url(", "@import", "@font-face", "<base", "http-equiv")) {
            // Escaped data may show these words as text; they must never be markup.
            assertFalse(Pattern.compile(Pattern.quote(bad)).matcher(stripText(lower)).find(), "page contains " + bad);
        }
    }

    /** The markup with the text between tags removed, so that only tags and attributes remain. */
    private static String stripText(String html) {
        int styleStart = html.indexOf("<style>");
        int styleEnd = html.indexOf("</style>");
        return html.substring(0, styleStart).replaceAll(">[^<]*<", "><") + html.substring(styleStart, styleEnd)
                + html.substring(styleEnd).replaceAll(">[^<]*<", "><");
    }

    private static void assertNoBadNumbers(String html) {
        assertFalse(html.contains("NaN") || html.contains("Infinity"), "a NaN or infinity in the page");
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String xpath(Document doc, String expr) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expr, doc).trim();
    }

    private static double xpathNumber(Document doc, String expr) throws Exception {
        return (Double) XPathFactory.newInstance().newXPath().evaluate(expr, doc, XPathConstants.NUMBER);
    }
}
