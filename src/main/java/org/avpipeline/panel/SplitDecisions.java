package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.panel.ShareBasis.Basis;
import org.avpipeline.panel.ShareBasis.Evidence;

/** §3.4: what is decided about each split, by index into the valid splits; the tested groups first, then the rest. */
final class SplitDecisions {
    final Basis[] basis;
    final Evidence[] evidence;
    final double[] groupFactor;
    final double[] ratio;
    final String[] warning;

    SplitDecisions(int m) {
        basis = new Basis[m];
        evidence = new Evidence[m];
        groupFactor = new double[m];
        ratio = new double[m];
        warning = new String[m];
        Arrays.fill(groupFactor, Double.NaN);
        Arrays.fill(ratio, Double.NaN);
    }

    /**
     * §3.4: the tested splits, grouped by their quarters (a, b); each group decided together from
     * {@code r = shares(b) / shares(a)} against the product {@code K} of its factors, with a warning when {@code r}
     * matches neither basis.
     */
    void decideTestedGroups(List<MarketCap.ValidSplit> valid, double[] shares, int[] fiscal, SplitQuarters around) {
        int[] a = around.a();
        int[] b = around.b();
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int s = 0; s < valid.size(); s++) {
            if (a[s] >= 0 && b[s] >= 0) {
                groups.computeIfAbsent(((long) a[s] << 32) | b[s], k -> new ArrayList<>()).add(s);
            }
        }
        for (List<Integer> group : groups.values()) {
            double k = 1;
            for (int s : group) {
                k *= valid.get(s).factor();
            }
            int first = group.get(0);
            double r = shares[b[first]] / shares[a[first]];
            Basis decision = ShareBasis.isAsReported(r, k) ? Basis.AS_REPORTED : Basis.RESTATED;
            String suspicious = ShareBasis.isSuspicious(r, k)
                    ? String.format(java.util.Locale.ROOT,
                            "shares changed by %.4g between %s and %s, neither about the split factor %.4g nor about 1:"
                                    + " a suspicious share history",
                            r, LocalDate.ofEpochDay(fiscal[a[first]]), LocalDate.ofEpochDay(fiscal[b[first]]), k)
                    : null;
            for (int s : group) {
                basis[s] = decision;
                evidence[s] = Evidence.TESTED;
                groupFactor[s] = k;
                ratio[s] = r;
                warning[s] = suspicious;
            }
        }
    }

    /** §3.4: each untested split takes the basis of the nearest tested split (ties: the later), else restated. */
    void inheritUntested(List<MarketCap.ValidSplit> valid, SplitQuarters around) {
        int m = valid.size();
        for (int s = 0; s < m; s++) {
            if (evidence[s] == Evidence.TESTED) {
                continue;
            }
            int nearest = -1;
            for (int t = 0; t < m; t++) {
                boolean testedSplit = !Double.isNaN(groupFactor[t]);
                // t ascends by date: "<=" gives ties to the later
                if (testedSplit && (nearest < 0 || distance(valid, s, t) <= distance(valid, s, nearest))) {
                    nearest = t;
                }
            }
            String side = around.a()[s] < 0 ? "no quarter with shares was reported before it"
                    : "no quarter with shares was reported on or after it";
            if (nearest < 0) {
                basis[s] = Basis.RESTATED;
                evidence[s] = Evidence.ASSUMED;
                warning[s] = "untested (" + side + "); no split of the ticker could be tested, so restated is"
                        + " assumed";
            } else {
                basis[s] = basis[nearest];
                evidence[s] = Evidence.INHERITED;
                warning[s] = "untested (" + side + "); " + label(basis[nearest]) + " assumed, as the"
                        + " nearest tested split (" + LocalDate.ofEpochDay(valid.get(nearest).effectiveDate()) + ")";
            }
        }
    }

    private static long distance(List<MarketCap.ValidSplit> splits, int s, int t) {
        return Math.abs((long) splits.get(s).effectiveDate() - splits.get(t).effectiveDate());
    }

    private static String label(Basis b) {
        return b == Basis.AS_REPORTED ? "as reported" : "restated";
    }
}
