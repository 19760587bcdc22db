package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.avpipeline.alphavantage.AnswerClassifier;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CompanyOverview;
import org.junit.jupiter.api.Test;

/** The simulator's OVERVIEW: real-looking companies, some "None" fields, and {@code {}} for funds and the ETF. */
class SimulatedOverviewTest {
    private final SimulatedMarket market = SimulatedMarket.create(7, "QQQ", 60, LocalDate.of(2025, 6, 30));

    @Test
    void everyCompanyHasARealSectorAndSomeIndustriesAreNone() {
        Set<String> sectors = new HashSet<>();
        int noIndustry = 0;
        int companies = 0;
        for (String t : market.tickers()) {
            byte[] body = market.answer(AvFunction.OVERVIEW, t);
            if (market.scenarios(t).contains(Scenario.FUND)) {
                continue;
            }
            companies++;
            CompanyOverview o = AnswerParsers.parseOverview(body);
            assertEquals(t, o.symbol());
            assertEquals("Common Stock", o.assetType());
            assertTrue(OverviewWriter.SECTOR_INDUSTRY.stream().anyMatch(p -> p[0].equals(o.sector())), o.sector());
            sectors.add(o.sector());
            noIndustry += o.industry() == null ? 1 : 0;
            assertTrue(o.cik().matches("\\d{7}"), o.cik());
            assertEquals("USD", o.currency());
        }
        assertTrue(sectors.size() >= 6, "a spread of sectors: " + sectors);
        assertTrue(noIndustry > 0 && noIndustry < companies / 2, "some industries are \"None\": " + noIndustry);
    }

    @Test
    void theFiscalYearEndFollowsTheFiscalCalendar() {
        String jan = market.tickersWith(Scenario.FISCAL_YEAR_JANUARY).get(0);
        String nov = market.tickersWith(Scenario.FISCAL_YEAR_NOVEMBER).get(0);
        assertEquals("January", AnswerParsers.parseOverview(market.answer(AvFunction.OVERVIEW, jan)).fiscalYearEnd());
        assertEquals("November", AnswerParsers.parseOverview(market.answer(AvFunction.OVERVIEW, nov)).fiscalYearEnd());
    }

    @Test
    void aFundTheEtfAndAnUnknownSymbolAnswerAnEmptyObject() {
        List<String> funds = market.tickersWith(Scenario.FUND);
        assertTrue(!funds.isEmpty(), "the universe holds a fund");
        for (String s : List.of(funds.get(0), "QQQ", market.unknownSymbol())) {
            byte[] body = market.answer(AvFunction.OVERVIEW, s);
            assertEquals("{}", new String(body, StandardCharsets.UTF_8), s);
            assertEquals(AnswerKind.DATA, AnswerClassifier.classifyBody(AvFunction.OVERVIEW, body).kind(),
                    "no profile, not a failure");
        }
    }

    @Test
    void theAnswerIsDeterministic() {
        String t = market.tickers().get(3);
        assertArrayEquals(market.answer(AvFunction.OVERVIEW, t),
                SimulatedMarket.create(7, "QQQ", 60, LocalDate.of(2025, 6, 30)).answer(AvFunction.OVERVIEW, t));
    }
}
