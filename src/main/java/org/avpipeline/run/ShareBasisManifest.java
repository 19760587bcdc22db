package org.avpipeline.run;

import java.util.ArrayList;
import java.util.List;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.ShareBasis;
import org.avpipeline.panel.TickerFacts;
import org.avpipeline.report.ShareBases;

/**
 * Maps the build's share-basis decisions (pipeline.md §3.4) onto the run manifest's {@link ShareBases}. Only tickers
 * with a continuous run of quarters count: the others have no share counts in the artifact.
 */
public final class ShareBasisManifest {
    private ShareBasisManifest() {}

    public static ShareBases of(BuildSummary build) {
        if (build == null) {
            return ShareBases.empty();
        }
        int asReported = 0;
        int restated = 0;
        int untested = 0;
        int withoutSplits = 0;
        List<ShareBases.TickerSplits> tickers = new ArrayList<>();
        for (TickerFacts t : build.facts()) {
            if (!t.hasUsableStatements()) {
                continue;
            }
            ShareBasis.TickerBasis basis = t.shareBasis();
            switch (basis) {
                case AS_REPORTED -> asReported++;
                case RESTATED -> restated++;
                case UNTESTED -> untested++;
                case NO_SPLITS -> {
                    withoutSplits++;
                    continue;
                }
            }
            List<ShareBases.SplitDecision> splits = new ArrayList<>();
            for (ShareBasis.SplitBasis s : t.splitBases()) {
                splits.add(new ShareBases.SplitDecision(s.date(), s.factor(), orNull(s.groupFactor()),
                        orNull(s.ratio()), s.basis().name(), s.evidence().name(), s.before(), s.after(),
                        s.warning()));
            }
            tickers.add(new ShareBases.TickerSplits(t.ticker(), basis.name(), splits));
        }
        return new ShareBases(asReported, restated, untested, withoutSplits, tickers);
    }

    private static Double orNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
