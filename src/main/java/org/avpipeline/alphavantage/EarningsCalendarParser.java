package org.avpipeline.alphavantage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EARNINGS_CALENDAR: CSV with a header row, {@code symbol,name,reportDate,fiscalDateEnding,estimate,currency} (columns
 * found by name, so an added column such as {@code timeOfTheDay} does no harm). Company names may be quoted and hold
 * commas. Rows without a symbol or a report date are dropped; a missing or unreadable fiscal date becomes null.
 */
final class EarningsCalendarParser {
    private EarningsCalendarParser() {}

    private static final AvFunction F = AvFunction.EARNINGS_CALENDAR;

    /** Whether a body starts like the calendar's CSV (its header's first column), not like a JSON message. */
    static boolean looksLikeCsv(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 16), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        return head.startsWith("symbol,");
    }

    static List<CalendarEntry> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !looksLikeCsv(lines[0].getBytes(StandardCharsets.UTF_8))) {
            throw new MalformedAnswerException(F, "the answer does not start with the CSV header 'symbol,...'");
        }
        List<String> header = fields(lines[0]);
        int symbol = column(header, "symbol");
        int report = column(header, "reportDate");
        int fiscal = header.indexOf("fiscalDateEnding");
        List<CalendarEntry> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> row = fields(lines[i]);
            String s = at(row, symbol).trim();
            LocalDate reported = date(at(row, report));
            if (s.isEmpty() || reported == null) {
                continue;
            }
            out.add(new CalendarEntry(s.toUpperCase(Locale.ROOT), reported, fiscal < 0 ? null : date(at(row, fiscal))));
        }
        return out;
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new MalformedAnswerException(F, "the CSV header lacks the column '" + name + "'");
        }
        return i;
    }

    private static String at(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }

    private static LocalDate date(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The fields of one CSV line: double quotes enclose a field that may hold commas; {@code ""} is a quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
