package org.avpipeline.simulator;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated {@code OVERVIEW} answer, field for field in the real answer's order (Alpha Vantage's documentation,
 * IBM's example): identity, classification and a few numbers, all strings. Sector and industry are drawn from real
 * pairs; the fiscal year end matches the ticker's fiscal calendar; some tickers say {@code "None"} for their address, official site, dividend dates, and about one in seven
 * for their industry (as real answers of small issuers do). A fund ({@link Scenario#FUND}) and the ETF itself answer {@code {}},
 * as Alpha Vantage does for an ETF.
 */
final class OverviewWriter {
    private OverviewWriter() {}

    /** Real (sector, industry) pairs as Alpha Vantage spells them. */
    static final List<String[]> SECTOR_INDUSTRY = List.of(
            new String[] {"TECHNOLOGY", "SEMICONDUCTORS"},
            new String[] {"TECHNOLOGY", "SOFTWARE - INFRASTRUCTURE"},
            new String[] {"TECHNOLOGY", "SOFTWARE - APPLICATION"},
            new String[] {"TECHNOLOGY", "CONSUMER ELECTRONICS"},
            new String[] {"COMMUNICATION SERVICES", "INTERNET CONTENT & INFORMATION"},
            new String[] {"COMMUNICATION SERVICES", "ENTERTAINMENT"},
            new String[] {"CONSUMER CYCLICAL", "INTERNET RETAIL"},
            new String[] {"CONSUMER CYCLICAL", "AUTO MANUFACTURERS"},
            new String[] {"CONSUMER DEFENSIVE", "DISCOUNT STORES"},
            new String[] {"CONSUMER DEFENSIVE", "BEVERAGES - NON-ALCOHOLIC"},
            new String[] {"HEALTHCARE", "BIOTECHNOLOGY"},
            new String[] {"HEALTHCARE", "MEDICAL DEVICES"},
            new String[] {"INDUSTRIALS", "AEROSPACE & DEFENSE"},
            new String[] {"INDUSTRIALS", "INTEGRATED FREIGHT & LOGISTICS"},
            new String[] {"UTILITIES", "UTILITIES - REGULATED ELECTRIC"},
            new String[] {"ENERGY", "OIL & GAS INTEGRATED"},
            new String[] {"BASIC MATERIALS", "SPECIALTY CHEMICALS"},
            new String[] {"FINANCIAL SERVICES", "CREDIT SERVICES"},
            new String[] {"REAL ESTATE", "REIT - SPECIALTY"});

    static byte[] overview(long seed, TickerTraits t, LocalDate asOf) {
        if (t.scenarios().contains(Scenario.FUND)) {
            return AvMessages.EMPTY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        SplittableRandom r = Seeds.stream(seed, t.symbol(), "overview");
        String[] si = SECTOR_INDUSTRY.get(r.nextInt(SECTOR_INDUSTRY.size()));
        boolean noIndustry = r.nextInt(7) == 0;
        boolean sparse = r.nextInt(4) == 0;
        // the fiscal year ends with the quarter of the fiscal calendar (Jan/Apr/Jul/Oct: January; Feb/May/...: November)
        Month yearEnd = switch (t.fiscalOffset()) {
            case 1 -> Month.JANUARY;
            case 2 -> Month.NOVEMBER;
            default -> Month.DECEMBER;
        };
        String nyse = r.nextInt(3) == 0 ? "NYSE" : "NASDAQ";
        String cik = Integer.toString(1_000_000 + (int) Math.floorMod(Seeds.fnv(t.symbol()), 900_000L));
        JsonOut j = new JsonOut(1600);
        j.beginObject()
                .field("Symbol", t.symbol())
                .field("AssetType", "Common Stock")
                .field("Name", title(t.description()))
                .field("Description", title(t.description()) + " is a simulated company of the avpipeline simulator.")
                .field("CIK", cik)
                .field("Exchange", nyse)
                .field("Currency", "USD")
                .field("Country", "USA")
                .field("Sector", si[0])
                .field("Industry", noIndustry ? "None" : si[1])
                .field("Address", sparse ? "None" : (100 + r.nextInt(900)) + " MAIN STREET, SPRINGFIELD, IL, US")
                .field("OfficialSite", sparse ? "None" : "https://www." + t.symbol().toLowerCase(Locale.ROOT) + ".example")
                .field("FiscalYearEnd", yearEnd.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .field("LatestQuarter", asOf.withDayOfMonth(1).minusDays(1).toString())
                .field("MarketCapitalization", Long.toString((long) (t.baseShares() * t.startPrice())))
                .field("EBITDA", "None")
                .field("PERatio", String.format(Locale.ROOT, "%.2f", 8 + 40 * r.nextDouble()))
                .field("DividendYield", t.dividendYield() > 0
                        ? String.format(Locale.ROOT, "%.4f", t.dividendYield()) : "None")
                .field("SharesOutstanding", Long.toString((long) t.baseShares()))
                .field("DividendDate", sparse || t.dividendYield() == 0 ? "None" : asOf.minusDays(20).toString())
                .field("ExDividendDate", sparse || t.dividendYield() == 0 ? "None" : asOf.minusDays(35).toString());
        return j.endObject().toBytes();
    }

    /** "ACME APPLIANCES CORP" → "Acme Appliances Corp". */
    private static String title(String upper) {
        StringBuilder b = new StringBuilder(upper.length());
        boolean start = true;
        for (char c : upper.toCharArray()) {
            b.append(start ? c : Character.toLowerCase(c));
            start = c == ' ' || c == '-';
        }
        return b.toString();
    }
}
