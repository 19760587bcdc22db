package org.avpipeline.artifact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small hand-made panels for the artifact tests: three tickers with values, NaN, missing dates and flags. */
final class SamplePanels {
    private SamplePanels() {}

    static final ArtifactMetadata META = new ArtifactMetadata("1.2.3-test", "run-42", "QQQ",
            LocalDate.of(2020, 1, 1), Instant.parse("2025-02-03T04:05:06.789Z"));

    static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    /** AAA: 3 rows, BBB: 4 rows, CCC: 2 rows. */
    static List<TickerPanel> three() {
        return List.of(aaa(), bbb(), ccc());
    }

    static TickerPanel aaa() {
        TickerPanel p = TickerPanel.empty("AAA", 3);
        dates(p, "2020-01-02", "2020-01-03", "2020-01-06");
        p.dates(ArtifactSchema.FISCAL_DATE_ENDING)[1] = day("2019-09-30");
        p.dates(ArtifactSchema.FISCAL_DATE_ENDING)[2] = day("2019-09-30");
        p.dates(ArtifactSchema.REPORTED_DATE)[2] = day("2019-10-30");
        double[] close = p.doubles("adjusted_close");
        close[0] = 10.5;
        close[1] = Double.NaN;
        close[2] = 11.25;
        p.doubles("market_cap")[2] = 1234.5;
        p.doubles("totalAssets_per_share")[1] = -0.125;
        p.doubles("totalAssets_per_share")[2] = -0.125;
        p.doubles("invested_capital_per_share")[0] = 7.0;
        p.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)[2] = true;
        return p;
    }

    static TickerPanel bbb() {
        TickerPanel p = TickerPanel.empty("BBB", 4);
        dates(p, "2019-12-31", "2020-01-02", "2020-01-03", "2020-01-06");
        double[] open = p.doubles("open");
        for (int i = 0; i < 4; i++) {
            open[i] = 100 + i;
        }
        p.doubles("volume")[3] = 1.5e9;
        p.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)[0] = true;
        p.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)[3] = true;
        return p;
    }

    static TickerPanel ccc() {
        TickerPanel p = TickerPanel.empty("CCC", 2);
        dates(p, "2020-01-02", "2020-02-03");
        p.dates(ArtifactSchema.CALENDAR_QUARTER_ENDING)[0] = day("2019-12-31");
        p.doubles("netIncome.cf_ttm_per_share")[1] = 3.75;
        return p;
    }

    static void dates(TickerPanel p, String... days) {
        int[] d = p.dates(ArtifactSchema.DATE);
        for (int i = 0; i < days.length; i++) {
            d[i] = day(days[i]);
        }
    }
}
