package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.ShareBasis;
import org.avpipeline.panel.ShareBasis.Basis;
import org.avpipeline.panel.ShareBasis.Evidence;
import org.avpipeline.panel.TickerFacts;
import org.avpipeline.report.ShareBases;
import org.junit.jupiter.api.Test;

class ShareBasisManifestTest {
    private static final LocalDate Q1 = LocalDate.of(2021, 3, 31);
    private static final LocalDate Q2 = LocalDate.of(2021, 6, 30);

    private static TickerFacts facts(String ticker, int quarters, ShareBasis.SplitBasis... splits) {
        return new TickerFacts(ticker, 100, 100, List.of(), quarters, null, null, List.of(), List.of(splits));
    }

    private static ShareBasis.SplitBasis tested(Basis basis, double r) {
        return new ShareBasis.SplitBasis(LocalDate.of(2021, 5, 3), 4, 4, r, basis, Evidence.TESTED, Q1, Q2, null);
    }

    private static ShareBasis.SplitBasis untested(Basis basis, Evidence evidence) {
        return new ShareBasis.SplitBasis(LocalDate.of(2024, 6, 10), 10, Double.NaN, Double.NaN, basis, evidence, Q2,
                null, "untested");
    }

    @Test
    void countsEachTickerOnceByItsBasisAndKeepsEverySplit() {
        BuildSummary build = new BuildSummary(6, 6, 5, 6, List.of(), 600, Duration.ZERO, List.of(
                facts("A", 20, tested(Basis.AS_REPORTED, 4.01), untested(Basis.AS_REPORTED, Evidence.INHERITED)),
                facts("B", 20, tested(Basis.RESTATED, 1.0)),
                facts("C", 20, untested(Basis.RESTATED, Evidence.ASSUMED)),
                facts("D", 20, tested(Basis.RESTATED, 1.0), tested(Basis.AS_REPORTED, 3.9)),
                facts("E", 20),
                facts("F", 0), // no usable statements: not counted
                facts("G", 0, tested(Basis.AS_REPORTED, 4.0))));
        ShareBases b = ShareBasisManifest.of(build);
        assertEquals(2, b.asReported());
        assertEquals(1, b.restated());
        assertEquals(1, b.untested());
        assertEquals(1, b.withoutSplits());
        assertEquals(List.of("A", "B", "C", "D"), b.tickers().stream().map(ShareBases.TickerSplits::ticker).toList());
        assertEquals(List.of("AS_REPORTED", "RESTATED", "UNTESTED", "AS_REPORTED"),
                b.tickers().stream().map(ShareBases.TickerSplits::basis).toList());
        ShareBases.SplitDecision inherited = b.tickers().get(0).splits().get(1);
        assertEquals(new ShareBases.SplitDecision(LocalDate.of(2024, 6, 10), 10, null, null, "AS_REPORTED",
                "INHERITED", Q2, null, "untested"), inherited);
        assertEquals(4.01, b.tickers().get(0).splits().get(0).ratio());
        assertEquals(2, b.warningCount());
    }

    @Test
    void noBuildNoFacts() {
        assertEquals(ShareBases.empty(), ShareBasisManifest.of(null));
        assertEquals(0, ShareBases.empty().warningCount());
    }
}
