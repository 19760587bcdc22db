package org.avpipeline.panel;

import java.util.List;

/** §3.4: each split's quarters a and b (rows, -1 if none): last with shares reported before it, first on or after. */
record SplitQuarters(int[] a, int[] b) {
    /** §3.4: for each split, quarters a and b among the first {@code n} rows with shares and a report date. */
    static SplitQuarters of(List<MarketCap.ValidSplit> valid, int n, double[] shares, int[] reported) {
        int m = valid.size();
        int[] a = new int[m];
        int[] b = new int[m];
        for (int s = 0; s < m; s++) {
            int day = valid.get(s).effectiveDate();
            a[s] = -1;
            b[s] = -1;
            for (int i = 0; i < n; i++) {
                if (!(shares[i] > 0) || reported[i] == ShareBasis.NO_DATE) {
                    continue;
                }
                if (reported[i] < day) {
                    if (a[s] < 0 || reported[i] >= reported[a[s]]) { // ascending fiscal: ties go to the later
                        a[s] = i;
                    }
                } else if (b[s] < 0 || reported[i] < reported[b[s]]) { // ties go to the earlier
                    b[s] = i;
                }
            }
        }
        return new SplitQuarters(a, b);
    }
}
