package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every plain decimal in the real Alpha Vantage answers (prices, today's 17-digit adjusted closes, statement amounts,
 * in the JSON and the CSV answers) reads
 * as exactly the double {@link Double#parseDouble} gives: the shortcuts ({@link AnswerValues#plainDecimal},
 * {@link DecimalQuotient}) checked on what Alpha Vantage really sends, not only on generated text.
 */
class RealNumbersTest {
    /** A decimal as JSON answers quote it, or as a CSV answer's field. */
    private static final Pattern DECIMAL = Pattern.compile(
            "\"(-?[0-9]+(?:\\.[0-9]+)?)\"|(?<=^|,)(-?[0-9]+(?:\\.[0-9]+)?)(?=,|\r?$)", Pattern.MULTILINE);

    @Test
    void everyRealDecimalReadsAsParseDoubleReadsIt() throws IOException {
        List<Path> files = RealAnswersTest.realFiles(
                f -> f.toString().endsWith(".json") || f.toString().endsWith(".csv"));
        long numbers = 0;
        long beyondExactIntegers = 0;
        for (Path f : files) {
            byte[] body = Files.readAllBytes(f);
            Matcher m = DECIMAL.matcher(new String(body, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                int group = m.group(1) != null ? 1 : 2;
                String text = m.group(group);
                double expected = Double.parseDouble(text);
                double actual = AnswerValues.number(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "x", body, m.start(group),
                        text.length());
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                        f.getFileName() + ": " + text);
                numbers++;
                if (text.replace("-", "").replace(".", "").replaceFirst("^0+", "").length() > 15) {
                    beyondExactIntegers++;
                }
            }
        }
        assertTrue(numbers > 50_000, "real decimals read: " + numbers);
        // today's adjusted closes have 17 digits (IBM's compact CSV: "229.62102225102612"): DecimalQuotient's inputs
        assertTrue(beyondExactIntegers >= 10, "decimals of more than 15 digits (the adjusted closes): "
                + beyondExactIntegers);
    }
}
