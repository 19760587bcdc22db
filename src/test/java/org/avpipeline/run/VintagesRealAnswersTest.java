package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.FiscalDates;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerResult;
import org.avpipeline.panel.VintageBuild;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.Sha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline.md §8a on real answers (shared fixtures, skipped when absent): IBM, AAPL, MSFT and NVDA with their two
 * vintages of a statement (the older first fetched 2024-10-15, the newer 2026-05-18; constructed prices, and
 * constructed EARNINGS where no real one covers the statements), stored in a raw store the way weekly fetches store
 * them. The panel equals, on every column, the panel of the older answers alone before 2026-05-18 and that of the
 * newer answers alone from then on; the restatements are exactly the values that differ between the two answers
 * (read here with Jackson, not the project's parsers).
 */
class VintagesRealAnswersTest {
    static final Path REAL = Path.of("..", "shared", "fixtures", "alpha-vantage", "real");
    static final Instant OLDER = Instant.parse("2024-10-15T06:00:00Z");
    static final Instant NEWER = Instant.parse("2026-05-18T06:00:00Z");
    static final LocalDate SWITCH = LocalDate.of(2026, 5, 18);
    static final BuildParameters PARAMS = new BuildParameters(LocalDate.of(2005, 1, 1),
            BuildParameters.of(LocalDate.of(2005, 1, 1)).cleaning(), true);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One stored statement function: its older file and its newer one (the same when it has one answer). */
    record Answers(AvFunction function, String older, String newer) {}

    static final Map<String, List<Answers>> TICKERS = new LinkedHashMap<>();

    static {
        TICKERS.put("IBM", List.of(
                new Answers(AvFunction.INCOME_STATEMENT, "INCOME_STATEMENT@2020-09.legacy.json", "INCOME_STATEMENT.json"),
                new Answers(AvFunction.BALANCE_SHEET, "BALANCE_SHEET.json", "BALANCE_SHEET.json"),
                new Answers(AvFunction.CASH_FLOW, "CASH_FLOW.json", "CASH_FLOW.json"),
                new Answers(AvFunction.EARNINGS, "EARNINGS@2021-07.legacy.json", "EARNINGS.json")));
        TICKERS.put("AAPL", List.of(
                new Answers(AvFunction.INCOME_STATEMENT, "INCOME_STATEMENT@2024-10.json", "INCOME_STATEMENT.json"),
                new Answers(AvFunction.BALANCE_SHEET, "BALANCE_SHEET@2024-10.json", "BALANCE_SHEET@2024-10.json"),
                new Answers(AvFunction.CASH_FLOW, "CASH_FLOW@2024-10.json", "CASH_FLOW@2024-10.json")));
        TICKERS.put("MSFT", List.of(
                new Answers(AvFunction.INCOME_STATEMENT, "INCOME_STATEMENT@2024-10.json", "INCOME_STATEMENT.json"),
                new Answers(AvFunction.BALANCE_SHEET, "BALANCE_SHEET@2024-10.json", "BALANCE_SHEET@2024-10.json"),
                new Answers(AvFunction.CASH_FLOW, "CASH_FLOW@2024-10.json", "CASH_FLOW@2024-10.json")));
        TICKERS.put("NVDA", List.of(
                new Answers(AvFunction.INCOME_STATEMENT, "INCOME_STATEMENT@2024-10.json", "INCOME_STATEMENT.json"),
                new Answers(AvFunction.BALANCE_SHEET, "BALANCE_SHEET@2024-10.json", "BALANCE_SHEET.json"),
                new Answers(AvFunction.CASH_FLOW, "CASH_FLOW@2024-10.json", "CASH_FLOW@2024-10.json")));
    }

    @Test
    void eachDayTakesTheAnswersAsTheyStoodAndTheRestatementsAreTheValuesThatDiffer() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REAL.resolve("NVDA")), "real fixtures not found at "
                + REAL.toAbsolutePath());
        LocalRawStore both = new LocalRawStore(dir.resolve("both"));
        LocalRawStore olderOnly = new LocalRawStore(dir.resolve("older"));
        LocalRawStore newerOnly = new LocalRawStore(dir.resolve("newer"));
        int rows = 0;
        int differing = 0;
        int todayAlone = 0;
        Map<String, Integer> restated = new TreeMap<>();
        for (Map.Entry<String, List<Answers>> ticker : TICKERS.entrySet()) {
            String t = ticker.getKey();
            for (LocalRawStore s : List.of(both, olderOnly, newerOnly)) {
                write(s, t, AvFunction.TIME_SERIES_DAILY_ADJUSTED, prices(t), NEWER);
                write(s, t, AvFunction.SPLITS, "{\"symbol\": \"" + t + "\", \"data\": []}", NEWER);
            }
            boolean realEarnings = ticker.getValue().stream().anyMatch(a -> a.function() == AvFunction.EARNINGS);
            if (!realEarnings) {
                String earnings = constructedEarnings(t, ticker.getValue());
                for (LocalRawStore s : List.of(both, olderOnly, newerOnly)) {
                    write(s, t, AvFunction.EARNINGS, earnings, OLDER);
                }
            }
            for (Answers a : ticker.getValue()) {
                String older = read(t, a.older());
                String newer = read(t, a.newer());
                write(both, t, a.function(), older, OLDER);
                write(both, t, a.function(), newer, NEWER);
                write(olderOnly, t, a.function(), older, OLDER);
                write(newerOnly, t, a.function(), newer, OLDER);
            }

            TickerData data = new RawTickerLoader(both).load(t);
            assertTrue(data.vintages().several(), t);
            TickerResult spliced = VintageBuild.build(data, PARAMS);
            TickerResult older = VintageBuild.build(new RawTickerLoader(olderOnly).load(t), PARAMS);
            TickerResult newer = VintageBuild.build(new RawTickerLoader(newerOnly).load(t), PARAMS);
            assertTrue(older.facts().dropouts().isEmpty(), t + " older: " + older.facts().dropouts());
            assertTrue(newer.facts().dropouts().isEmpty(), t + " newer: " + newer.facts().dropouts());

            TickerPanel p = spliced.panel();
            assertNotNull(p, t);
            int[] days = p.dates(ArtifactSchema.DATE);
            int switchRow = 0;
            while (days[switchRow] < SWITCH.toEpochDay()) {
                switchRow++;
            }
            assertTrue(switchRow > 0 && switchRow < p.rows(), t + ": days on both sides of the switch");
            assertSameRows(t, p, older.panel(), 0, switchRow);
            assertSameRows(t, p, newer.panel(), switchRow, p.rows());
            rows += p.rows();
            differing += differingRows(older.panel(), p);
            todayAlone += differingRows(older.panel(), newer.panel());

            List<String> expected = expectedRestatements(t, ticker.getValue());
            List<String> actual = restatements(spliced.companions().restatements());
            assertEquals(expected, actual, t + " restatements");
            for (String r : actual) {
                restated.merge(t + " " + r.substring(0, r.indexOf(' ')), 1, Integer::sum);
            }
            assertQuarterVersions(t, spliced.companions().quarters(), older, newer);
        }
        System.out.println("VintagesRealAnswersTest: restated values " + restated + "; " + differing + " of " + rows
                + " panel rows differ from the older answers' panel on the same days (" + todayAlone
                + " in a panel of the newer answers alone)");
        assertTrue(differing > 0);
    }

    /** Every column of rows [from, to) of {@code actual} equals the same rows of {@code expected}. */
    static void assertSameRows(String t, TickerPanel actual, TickerPanel expected, int from, int to) {
        assertEquals(expected.rows(), actual.rows(), t);
        List<Column> columns = ArtifactSchema.COLUMNS;
        for (int c = 0; c < columns.size(); c++) {
            for (int r = from; r < to; r++) {
                boolean same = switch (columns.get(c).type()) {
                    case DATE -> actual.dates(c)[r] == expected.dates(c)[r];
                    case DOUBLE -> Double.doubleToLongBits(actual.doubles(c)[r])
                            == Double.doubleToLongBits(expected.doubles(c)[r]);
                    case BOOLEAN -> actual.booleans(c)[r] == expected.booleans(c)[r];
                    default -> true;
                };
                if (!same) {
                    throw new AssertionError(t + ": column " + columns.get(c).name() + " differs on "
                            + LocalDate.ofEpochDay(actual.dates(0 + ArtifactSchema.indexOf(ArtifactSchema.DATE))[r]));
                }
            }
        }
    }

    static int differingRows(TickerPanel a, TickerPanel b) {
        int n = 0;
        List<Column> columns = ArtifactSchema.COLUMNS;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                boolean same = switch (columns.get(c).type()) {
                    case DATE -> a.dates(c)[r] == b.dates(c)[r];
                    case DOUBLE -> Double.doubleToLongBits(a.doubles(c)[r]) == Double.doubleToLongBits(b.doubles(c)[r]);
                    case BOOLEAN -> a.booleans(c)[r] == b.booleans(c)[r];
                    default -> true;
                };
                if (!same) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /**
     * The quarterly companion holds the older build's rows valid until 2026-05-18 and the newer build's from then on,
     * one row (no bounds) where they are equal.
     */
    static void assertQuarterVersions(String t, TableRows versions, TickerResult older, TickerResult newer) {
        TableRows a = older.companions().quarters();
        TableRows b = newer.companions().quarters();
        int from = CompanionSchemas.QUARTERLY.indexOf(CompanionSchemas.VALID_FROM);
        int to = CompanionSchemas.QUARTERLY.indexOf(CompanionSchemas.VALID_TO);
        int fiscal = CompanionSchemas.QUARTERLY.indexOf(ArtifactSchema.FISCAL_DATE_ENDING);
        int matched = 0;
        for (int i = 0; i < versions.rows(); i++) {
            int vf = versions.dates(from)[i];
            int vt = versions.dates(to)[i];
            boolean untilSwitch = vf == TickerPanel.NO_DATE && vt == SWITCH.toEpochDay();
            boolean fromSwitch = vf == SWITCH.toEpochDay() && vt == TickerPanel.NO_DATE;
            boolean always = vf == TickerPanel.NO_DATE && vt == TickerPanel.NO_DATE;
            assertTrue(untilSwitch || fromSwitch || always, t + " row " + i);
            TableRows source = fromSwitch ? b : a;
            int row = find(source, fiscal, versions.dates(fiscal)[i]);
            assertTrue(row >= 0, t + " quarter " + LocalDate.ofEpochDay(versions.dates(fiscal)[i]));
            for (int c = 1; c < CompanionSchemas.QUARTERLY.columns().size(); c++) {
                if (c != from && c != to && CompanionSchemas.QUARTERLY.columns().get(c).type().name().equals("DOUBLE")) {
                    assertEquals(Double.doubleToLongBits(source.doubles(c)[row]),
                            Double.doubleToLongBits(versions.doubles(c)[i]), t + " column " + c);
                }
            }
            if (always) {
                int other = find(b, fiscal, versions.dates(fiscal)[i]);
                assertTrue(other >= 0, t + ": a row for every set");
            }
            matched++;
        }
        assertTrue(matched >= b.rows(), t);
    }

    static int find(TableRows rows, int column, int day) {
        for (int i = 0; i < rows.rows(); i++) {
            if (rows.dates(column)[i] == day) {
                return i;
            }
        }
        return -1;
    }

    static List<String> restatements(TableRows rows) {
        List<String> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        for (int i = 0; i < rows.rows(); i++) {
            out.add(rows.strings(CompanionSchemas.STATEMENT)[i] + " "
                    + LocalDate.ofEpochDay(rows.dates(ArtifactSchema.FISCAL_DATE_ENDING)[i]) + " "
                    + rows.strings(CompanionSchemas.METRIC)[i] + " "
                    + rows.doubles(CompanionSchemas.VALUE_BEFORE)[i] + " -> "
                    + rows.doubles(CompanionSchemas.VALUE_AFTER)[i] + " "
                    + LocalDate.ofEpochDay(rows.dates(CompanionSchemas.VALID_FROM_BEFORE)[i]) + " "
                    + LocalDate.ofEpochDay(rows.dates(CompanionSchemas.VALID_FROM_AFTER)[i]));
        }
        return out;
    }

    /** The values that differ between the older and the newer answer of each function, read with Jackson. */
    static List<String> expectedRestatements(String t, List<Answers> answers) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (Answers a : answers) {
            if (a.older().equals(a.newer())) {
                continue;
            }
            Map<LocalDate, Map<String, Double>> before = values(a.function(), JSON.readTree(read(t, a.older())));
            Map<LocalDate, Map<String, Double>> after = values(a.function(), JSON.readTree(read(t, a.newer())));
            for (Map.Entry<LocalDate, Map<String, Double>> q : after.entrySet()) {
                Map<String, Double> old = before.get(q.getKey());
                if (old == null) {
                    continue;
                }
                TreeSet<String> metrics = new TreeSet<>(old.keySet());
                metrics.addAll(q.getValue().keySet());
                for (String m : metrics) {
                    double x = old.getOrDefault(m, Double.NaN);
                    double y = q.getValue().getOrDefault(m, Double.NaN);
                    if (!(x == y) && !(Double.isNaN(x) && Double.isNaN(y))) {
                        out.add(a.function().name() + " " + q.getKey() + " " + m + " " + x + " -> " + y + " "
                                + LocalDate.ofInstant(OLDER, java.time.ZoneOffset.UTC) + " " + SWITCH);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The quarterly values of an answer by (normalized) fiscal date, the first row of a date kept. */
    static Map<LocalDate, Map<String, Double>> values(AvFunction f, JsonNode root) {
        Map<LocalDate, Map<String, Double>> out = new LinkedHashMap<>();
        JsonNode rows = root.path(f == AvFunction.EARNINGS ? "quarterlyEarnings" : "quarterlyReports");
        for (JsonNode row : rows) {
            LocalDate fiscal = FiscalDates.normalize(LocalDate.parse(row.path("fiscalDateEnding").asText()));
            if (out.containsKey(fiscal)) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            if (f == AvFunction.EARNINGS) {
                String reported = row.path("reportedDate").asText("None");
                values.put("reportedDate", missing(reported) ? Double.NaN : LocalDate.parse(reported).toEpochDay());
                values.put("reportedEPS", number(row.path("reportedEPS").asText("None")));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("fiscalDateEnding") && !e.getKey().equals("reportedCurrency")) {
                        values.put(e.getKey(), number(e.getValue().asText()));
                    }
                }
            }
            out.put(fiscal, values);
        }
        return out;
    }

    static boolean missing(String s) {
        return s.isBlank() || s.equals("None") || s.equals("-");
    }

    static double number(String s) {
        return missing(s) ? Double.NaN : Double.parseDouble(s);
    }

    static String read(String ticker, String file) throws IOException {
        return Files.readString(REAL.resolve(ticker).resolve(file));
    }

    static void write(LocalRawStore store, String ticker, AvFunction f, String body, Instant at) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        store.write(RawKey.of(ticker, f), bytes, new AnswerMetadata(at, "function=" + f + "&symbol=" + ticker,
                Sha256.hex(bytes)));
    }

    /** Weekdays 2004-06-01 .. 2026-08-31, the close rising slowly, no dividend, no split. */
    static String prices(String ticker) {
        StringBuilder sb = new StringBuilder("{\"Meta Data\": {\"2. Symbol\": \"" + ticker
                + "\"}, \"Time Series (Daily)\": {");
        LocalDate d = LocalDate.of(2026, 8, 31);
        boolean first = true;
        int i = 0;
        while (!d.isBefore(LocalDate.of(2004, 6, 1))) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                double close = 400 - i * 0.05;
                String c = String.format(java.util.Locale.ROOT, "%.4f", close);
                sb.append(first ? "" : ",").append("\"").append(d).append("\": {\"1. open\": \"").append(c)
                        .append("\", \"2. high\": \"").append(c).append("\", \"3. low\": \"").append(c)
                        .append("\", \"4. close\": \"").append(c).append("\", \"5. adjusted close\": \"").append(c)
                        .append("\", \"6. volume\": \"1000\", \"7. dividend amount\": \"0.0000\", ")
                        .append("\"8. split coefficient\": \"1.0\"}");
                first = false;
                i++;
            }
            d = d.minusDays(1);
        }
        return sb.append("}}").toString();
    }

    /** EARNINGS for every quarter of the ticker's statements, each reported 30 days after its (month-end) close. */
    static String constructedEarnings(String ticker, List<Answers> answers) throws IOException {
        TreeSet<LocalDate> quarters = new TreeSet<>();
        for (Answers a : answers) {
            for (String file : List.of(a.older(), a.newer())) {
                quarters.addAll(values(a.function(), JSON.readTree(read(ticker, file))).keySet());
            }
        }
        StringBuilder sb = new StringBuilder("{\"symbol\": \"" + ticker + "\", \"annualEarnings\": [], "
                + "\"quarterlyEarnings\": [");
        boolean first = true;
        for (LocalDate q : quarters.descendingSet()) {
            sb.append(first ? "" : ",").append("{\"fiscalDateEnding\": \"").append(q)
                    .append("\", \"reportedDate\": \"").append(q.plusDays(30))
                    .append("\", \"reportedEPS\": \"1.0\", \"reportTime\": \"post-market\"}");
            first = false;
        }
        return sb.append("]}").toString();
    }
}
