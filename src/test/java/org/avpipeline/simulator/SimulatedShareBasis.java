package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.ShareBasis;
import org.avpipeline.panel.TickerBuild;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerResult;

/** Test helpers: builds simulated tickers from their answers and checks market cap across their splits. */
final class SimulatedShareBasis {
    private SimulatedShareBasis() {}

    static final BuildParameters PARAMS = BuildParameters.of(LocalDate.of(2004, 12, 31));

    /** The ticker's six answers, parsed by the project's parsers, built. */
    static TickerResult build(SimulatedMarket m, String ticker) {
        return TickerBuild.build(data(m, ticker), PARAMS);
    }

    /** The ticker's six answers parsed by the project's parsers, with the statements' annual reports. */
    static TickerData data(SimulatedMarket m, String ticker) {
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<StatementReport>> annual = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            statements.put(f, AnswerParsers.parseStatement(f, m.answer(f, ticker)));
            annual.put(f, AnswerParsers.parseAnnualStatement(f, m.answer(f, ticker)));
        }
        return new TickerData(ticker,
                AnswerParsers.parseDailyAdjusted(m.answer(AvFunction.TIME_SERIES_DAILY_ADJUSTED, ticker)),
                AnswerParsers.parseSplits(m.answer(AvFunction.SPLITS, ticker)),
                AnswerParsers.parseEarnings(m.answer(AvFunction.EARNINGS, ticker)), statements, null, annual);
    }

    /**
     * The splits across which market cap jumps by more than half the split's factor beyond what the price made
     * (adjusted close, which no split moves): "DATE: detail" per such split; empty when market cap is continuous.
     * Splits on a day without market cap on that day or the day before are skipped; returns how many were checked in
     * {@code checked[0]}.
     */
    static List<String> jumps(SimulatedMarket m, String ticker, TickerResult r, int[] checked) {
        List<String> out = new ArrayList<>();
        TickerPanel p = r.panel();
        if (p == null) {
            return out;
        }
        int[] days = p.dates(ArtifactSchema.DATE);
        double[] cap = p.doubles("market_cap");
        double[] adjusted = p.doubles("adjusted_close");
        for (org.avpipeline.alphavantage.Split s : m.splits(ticker)) {
            int row = Arrays.binarySearch(days, (int) s.effectiveDate().toEpochDay());
            if (row <= 0 || Double.isNaN(cap[row]) || Double.isNaN(cap[row - 1])) {
                continue;
            }
            double capMove = Math.log(cap[row] / cap[row - 1]);
            double priceMove = Math.log(adjusted[row] / adjusted[row - 1]);
            checked[0]++;
            if (Math.abs(capMove - priceMove) >= Math.abs(Math.log(s.factor())) / 2) {
                out.add(s.effectiveDate() + ": market cap " + cap[row - 1] + " -> " + cap[row] + " across a split of "
                        + s.factor() + " (price move " + Math.exp(priceMove) + ")");
            }
        }
        return out;
    }

    /** The basis the simulator served the ticker's counts on. */
    static String servedBasis(SimulatedMarket m, String ticker) {
        if (m.scenarios(ticker).contains(Scenario.AS_REPORTED_SHARES)) {
            return "AS_REPORTED";
        }
        return m.scenarios(ticker).contains(Scenario.MIXED_SHARE_BASIS) ? "MIXED" : "RESTATED";
    }

    static ShareBasis.TickerBasis detected(TickerResult r) {
        return r.facts().shareBasis();
    }
}
