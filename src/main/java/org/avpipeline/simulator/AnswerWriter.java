package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.alphavantage.Split;

/** Writes the simulated data as Alpha Vantage's answer bodies, field for field in the real answers' order. */
final class AnswerWriter {
    private AnswerWriter() {}

    /** Bars in a compact ({@code outputsize=compact}) answer, as the real API. */
    static final int COMPACT_BARS = 100;

    static byte[] timeSeries(String symbol, PriceSeries p, boolean full) {
        int n = p.size();
        int from = full ? 0 : Math.max(0, n - COMPACT_BARS);
        JsonOut j = new JsonOut(300 * (n - from) + 400);
        j.beginObject().name("Meta Data").beginObject()
                .field("1. Information", "Daily Time Series with Splits and Dividend Events")
                .field("2. Symbol", symbol)
                .field("3. Last Refreshed", n == 0 ? "None" : LocalDate.ofEpochDay(p.days()[n - 1]).toString())
                .field("4. Output Size", full ? "Full size" : "Compact")
                .field("5. Time Zone", "US/Eastern")
                .endObject();
        j.name("Time Series (Daily)").beginObject();
        for (int i = n - 1; i >= from; i--) {
            j.name(LocalDate.ofEpochDay(p.days()[i]).toString()).beginObject()
                    .field("1. open", Numbers.plain(p.open()[i]))
                    .field("2. high", Numbers.plain(p.high()[i]))
                    .field("3. low", Numbers.plain(p.low()[i]))
                    .field("4. close", Numbers.plain(p.close()[i]))
                    .field("5. adjusted close", Numbers.plain(p.adjustedClose()[i]))
                    .field("6. volume", Long.toString(p.volume()[i]))
                    .field("7. dividend amount", Numbers.fixed(p.dividend()[i], 4))
                    .field("8. split coefficient", Numbers.plain(p.splitCoefficient()[i]))
                    .endObject();
        }
        return j.endObject().endObject().toBytes();
    }

    static byte[] splits(String symbol, List<Split> splits) {
        JsonOut j = new JsonOut().beginObject().field("symbol", symbol).name("data").beginArray();
        for (int i = splits.size() - 1; i >= 0; i--) {
            Split s = splits.get(i);
            j.beginObject()
                    .field("effective_date", s.effectiveDate().toString())
                    .field("split_factor", Numbers.fixed(s.factor(), 4))
                    .endObject();
        }
        return j.endArray().endObject().toBytes();
    }

    static byte[] earnings(String symbol, Financials f) {
        JsonOut j = new JsonOut(200 * f.quarterlyEarnings().size() + 200);
        j.beginObject().field("symbol", symbol).name("annualEarnings").beginArray();
        for (Financials.AnnualEps a : f.annualEarnings()) {
            j.beginObject()
                    .field("fiscalDateEnding", a.fiscalDateEnding().toString())
                    .field("reportedEPS", decimal(a.reportedEps()))
                    .endObject();
        }
        j.endArray().name("quarterlyEarnings").beginArray();
        for (EarningsRow e : f.quarterlyEarnings()) {
            double surprise = Numbers.round(e.reportedEps() - e.estimatedEps(), 4);
            String percentage = e.estimatedEps() == 0 ? Numbers.NONE
                    : decimal(Numbers.round(surprise / Math.abs(e.estimatedEps()) * 100, 4));
            j.beginObject()
                    .field("fiscalDateEnding", e.fiscalDateEnding().toString())
                    .field("reportedDate", e.reportedDate() == null ? Numbers.NONE : e.reportedDate().toString())
                    .field("reportedEPS", decimal(e.reportedEps()))
                    .field("estimatedEPS", decimal(e.estimatedEps()))
                    .field("surprise", decimal(surprise))
                    .field("surprisePercentage", percentage);
            if (e.reportTime() != null) { // older answers have no such field
                j.field("reportTime", e.reportTime());
            }
            j.endObject();
        }
        return j.endArray().endObject().toBytes();
    }

    static byte[] statement(String symbol, AvFunction statement, Financials f) {
        List<String> fields = StatementFields.of(statement);
        List<StatementRow> quarterly = f.quarterly().get(statement);
        List<StatementRow> annual = f.annual().get(statement);
        JsonOut j = new JsonOut(40 * fields.size() * (quarterly.size() + annual.size()) + 200);
        j.beginObject().field("symbol", symbol).name("annualReports");
        reports(j, fields, annual);
        j.name("quarterlyReports");
        reports(j, fields, quarterly);
        return j.endObject().toBytes();
    }

    private static void reports(JsonOut j, List<String> fields, List<StatementRow> rows) {
        j.beginArray();
        for (StatementRow row : rows) {
            j.beginObject()
                    .field("fiscalDateEnding", row.fiscalDateEnding().toString())
                    .field("reportedCurrency", "USD");
            for (int k = 0; k < fields.size(); k++) {
                j.field(fields.get(k), Numbers.amount(row.values()[k]));
            }
            j.endObject();
        }
        j.endArray();
    }

    static byte[] etfProfile(EtfFacts etf, List<EtfHolding> holdings) {
        JsonOut j = new JsonOut(100 * holdings.size() + 1000);
        j.beginObject()
                .field("net_assets", etf.netAssets())
                .field("net_expense_ratio", "0.002")
                .field("portfolio_turnover", "n/a")
                .field("dividend_yield", etf.dividendYield())
                .field("inception_date", "1999-03-10")
                .field("leveraged", "NO")
                .name("sectors").beginArray();
        for (String[] sector : etf.sectors()) {
            j.beginObject().field("sector", sector[0]).field("weight", sector[1]).endObject();
        }
        j.endArray().name("holdings").beginArray();
        for (EtfHolding h : holdings) {
            j.beginObject()
                    .field("symbol", h.symbol())
                    .field("description", h.description())
                    .field("weight", Numbers.trimmed(h.weight(), 4))
                    .endObject();
        }
        return j.endArray().endObject().toBytes();
    }

    /** EPS-like numbers as the API writes them: "1.91", "0.1", "-0.05", "0". */
    private static String decimal(double x) {
        return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    /** The ETF-level facts of a profile answer. */
    record EtfFacts(String netAssets, String dividendYield, List<String[]> sectors) {}
}
