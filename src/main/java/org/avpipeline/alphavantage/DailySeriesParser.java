package org.avpipeline.alphavantage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * TIME_SERIES_DAILY_ADJUSTED: streamed (the full series is megabytes), because the dates are object keys and a
 * repeated date must keep its first bar ({@link DailyBar#ascendingFirstOfEachDate}), which a JSON tree would
 * overwrite. The hot path (a build reads gigabytes of these) avoids per-value strings and formatters: numbers are
 * read from the parser's characters, plain dates and decimals take exact shortcuts ({@link AnswerValues#plainDate}, {@link AnswerValues#plainDecimal}), and the dates,
 * thousands of distinct keys per answer, are not interned. Answers of the usual simple shape skip Jackson altogether
 * ({@link DailySeriesScanner}), with the same result.
 */
final class DailySeriesParser {
    private DailySeriesParser() {}

    private static final AvFunction F = AvFunction.TIME_SERIES_DAILY_ADJUSTED;

    /** Jackson's parser, without interning the keys (every date is a key; interning them costs more than it saves). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    static List<DailyBar> parse(byte[] body) {
        List<DailyBar> scanned = DailySeriesScanner.scan(body);
        return scanned != null ? DailyBar.ascendingFirstOfEachDate(scanned) : parseWithJackson(body);
    }

    /** The general path: any JSON, with Jackson's messages for what is not valid (see {@link DailySeriesScanner}). */
    static List<DailyBar> parseWithJackson(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedAnswerException(F, "the answer is not a JSON object");
            }
            List<DailyBar> bars = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(F.dataKey()) && value == JsonToken.START_OBJECT && bars == null) {
                    bars = readSeries(p);
                } else {
                    p.skipChildren();
                }
            }
            if (bars == null) {
                throw new MalformedAnswerException(F, "the answer has no '" + F.dataKey() + "' object");
            }
            return DailyBar.ascendingFirstOfEachDate(bars);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException(F, "the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new MalformedAnswerException(F, "the answer could not be read", e);
        }
    }

    /** The bars in answer order. */
    private static List<DailyBar> readSeries(JsonParser p) throws IOException {
        List<DailyBar> bars = new ArrayList<>(8192);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            LocalDate date = AnswerValues.date(F, "date", p.currentName());
            if (date == null || p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedAnswerException(F, "a bar has no date or is not an object");
            }
            bars.add(readBar(p, date));
        }
        return bars;
    }

    private static DailyBar readBar(JsonParser p, LocalDate date) throws IOException {
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            int slot = slot(field);
            if (slot < 0) {
                p.skipChildren();
                continue;
            }
            if (t == JsonToken.VALUE_STRING) {
                v[slot] = AnswerValues.number(F, field, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                v[slot] = p.getDoubleValue();
            } else if (t != JsonToken.VALUE_NULL) {
                throw new MalformedAnswerException(F, "field " + field + " of " + date + " is not a number");
            }
        }
        return new DailyBar(date, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** "1. open" → 0 … "8. split coefficient" → 7; -1 for any other key. */
    private static int slot(String field) {
        switch (field) {
            case "1. open": return 0;
            case "2. high": return 1;
            case "3. low": return 2;
            case "4. close": return 3;
            case "5. adjusted close": return 4;
            case "6. volume": return 5;
            case "7. dividend amount": return 6;
            case "8. split coefficient": return 7;
            default: return -1;
        }
    }
}
