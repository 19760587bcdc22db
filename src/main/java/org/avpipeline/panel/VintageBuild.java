package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TickerPanel;

/**
 * pipeline.md §8a around the build of one ticker ({@link TickerBuild}): with one answer per statement function it is
 * that build, unchanged. With vintages: the sets of answers ({@link Vintages#sets}), the quarterly table of each
 * (§3–§6), consecutive sets with equal tables made one ({@link Vintages#merge}), the build of each remaining set, the
 * panel spliced by date ({@link VintageSplice}), the quarterly companion's versions ({@link QuarterVersions}) and the
 * restatements ({@link Restatements}). The build's time grows with the number of sets whose quarters differ: §3–§6 run
 * once per set whose answers differ from the set before, §7–§9 once per remaining set, the prices are prepared once,
 * and only today's set makes price companion rows. The facts (drops, repairs, share bases) are those of the current
 * answers' build. A pure function of the ticker's data.
 */
public final class VintageBuild {
    private VintageBuild() {}

    public static TickerResult build(TickerData data, BuildParameters params) {
        if (!data.vintages().several()) {
            return TickerBuild.build(data, params);
        }
        List<Vintages.AnswerSet> sets = Vintages.sets(data);
        TickerBuild.PriceDays prices = TickerBuild.PriceDays.of(data);
        int last = sets.size() - 1;
        TickerBuild.Facts facts = new TickerBuild.Facts(); // today's: the last set's
        List<QuarterHistory> histories = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            TickerData set = sets.get(i).data();
            if (i == last) {
                histories.add(TickerBuild.fundamentals(set, params, facts, prices.lastDay()));
            } else {
                histories.add(i > 0 && sameAnswers(sets.get(i - 1).data(), set) ? histories.get(i - 1)
                        : TickerBuild.fundamentals(set, params, new TickerBuild.Facts(), prices.lastDay()));
            }
        }
        int[] lastMembers = Vintages.lastMembers(histories);
        List<Vintages.AnswerSet> distinct = Vintages.merge(sets, lastMembers);
        List<TickerResult> results = new ArrayList<>(distinct.size());
        for (int k = 0; k < distinct.size(); k++) {
            boolean today = k == distinct.size() - 1;
            results.add(TickerBuild.assemble(distinct.get(k).data(), params, prices,
                    histories.get(lastMembers[k]), today ? facts : new TickerBuild.Facts(), today));
        }
        TickerResult current = results.get(results.size() - 1);
        List<Restatements.Change> changes = Restatements.of(data.vintages());
        int differing = current.panel() == null ? 0 : VintageSplice.rowsDifferingFromLast(
                results.stream().map(TickerResult::panel).toList(),
                distinct.stream().map(Vintages.AnswerSet::from).toList());
        TickerPanel panel = current.panel() == null ? null : splice(results, distinct); // reuses today's panel
        TickerCompanions companions = params.companions()
                ? companions(data, results, distinct, current.companions(), changes) : null;
        return new TickerResult(data.ticker(), panel,
                current.facts().withRestatements(new TickerRestatements(changes, differing)), companions);
    }

    /** Whether two sets hold answers equal in every row (then their quarterly tables and checks are equal too). */
    private static boolean sameAnswers(TickerData a, TickerData b) {
        return a.earnings().equals(b.earnings()) && a.statements().equals(b.statements())
                && a.annualStatements().equals(b.annualStatements());
    }

    private static TickerPanel splice(List<TickerResult> results, List<Vintages.AnswerSet> sets) {
        List<TickerPanel> panels = results.stream().map(TickerResult::panel).toList();
        return VintageSplice.splice(panels, sets.stream().map(Vintages.AnswerSet::from).toList());
    }

    private static TickerCompanions companions(TickerData data, List<TickerResult> results,
            List<Vintages.AnswerSet> sets, TickerCompanions current, List<Restatements.Change> changes) {
        List<TableRows> quarters = results.stream().map(r -> r.companions().quarters()).toList();
        List<LocalDate> from = sets.stream().map(Vintages.AnswerSet::from).toList();
        List<LocalDate> to = sets.stream().map(Vintages.AnswerSet::to).toList();
        return new TickerCompanions(QuarterVersions.of(data.ticker(), quarters, from, to), current.prices(),
                current.profile(), Restatements.rows(data.ticker(), changes));
    }
}
