package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;

/**
 * The columns a build marks as step functions ({@link TickerPanel#markSteps}: the per-share columns) really are
 * constant between two days on which a quarter becomes available: the writer reads one value per step, so a column
 * that changed inside a step would lose values.
 */
class StepColumnsProperties {
    @Property(tries = 60)
    void markedColumnsAreConstantWithinEachStep(@ForAll long seed) {
        TickerResult r = TickerBuild.build(Generated.messy(seed), BuildParameters.of(Generated.START));
        TickerPanel p = r.panel();
        if (p == null || p.rows() == 0) {
            return;
        }
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (int s : p.stepStarts()) {
            starts.add(s);
        }
        int marked = 0;
        for (int c = 0; c < ArtifactSchema.COLUMNS.size(); c++) {
            if (!p.isStep(c)) {
                continue;
            }
            marked++;
            double[] v = p.doubles(c);
            for (int i = 1; i < p.rows(); i++) {
                if (!starts.contains(i)) {
                    assertEquals(Double.doubleToRawLongBits(v[i - 1]) == Double.doubleToRawLongBits(v[i])
                            || (Double.isNaN(v[i - 1]) && Double.isNaN(v[i])), true,
                            ArtifactSchema.COLUMNS.get(c).name() + " changes inside a step at row " + i);
                }
            }
        }
        assertTrue(marked >= 138, "the per-share columns are marked: " + marked);
    }
}
