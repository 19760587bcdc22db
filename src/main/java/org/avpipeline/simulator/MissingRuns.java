package org.avpipeline.simulator;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Long runs of "None" in a statement, as real answers have them: a field that a company starts reporting only
 * years into its history (about a third of the fields), and a field that goes missing for one to four years in the
 * middle (about one in seven). Headline fields are spared.
 */
final class MissingRuns {
    private final int[] from;
    private final int[] to;

    private MissingRuns(int[] from, int[] to) {
        this.from = from;
        this.to = to;
    }

    /**
     * @param fields the statement's fields, in column order
     * @param spared fields that never get a run
     * @param quarters the number of quarters the statement reports
     */
    static MissingRuns draw(SplittableRandom r, List<String> fields, Set<String> spared, int quarters) {
        int[] from = new int[fields.size()];
        int[] to = new int[fields.size()];
        for (int j = 0; j < fields.size(); j++) {
            double u = r.nextDouble();
            int length = 4 + r.nextInt(37);
            int start = r.nextInt(Math.max(1, quarters));
            if (spared.contains(fields.get(j)) || quarters < 8) {
                continue;
            }
            if (u < 0.33) {
                to[j] = Math.min(length, quarters - 4); // reported from quarter `length` on
            } else if (u < 0.47) {
                from[j] = start;
                to[j] = Math.min(quarters, start + Math.min(16, length));
            }
        }
        return new MissingRuns(from, to);
    }

    /** Whether field {@code j} is missing in quarter {@code k} (0: the first reported quarter). */
    boolean missing(int j, int k) {
        return k >= from[j] && k < to[j];
    }
}
