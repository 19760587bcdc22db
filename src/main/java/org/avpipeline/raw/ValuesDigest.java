package org.avpipeline.raw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.alphavantage.StatementReport;

/**
 * The digest of the values the build reads from an answer of a vintaged function (pipeline.md §8a): of a statement its
 * quarterly and annual reports, of EARNINGS its quarterly rows, as the parsers give them (dates, currency, every
 * metric's name and bits, in answer order), hashed with SHA-256 and prefixed with {@link #VERSION}. Two answers with
 * the same digest give the build the same rows, whatever else differs in their bytes (fields it does not read, their
 * layout), so a build that holds one of them need not read the other. The version changes whenever what the parsers
 * read changes, so a digest written by an older version is never taken for a current one (a digest of another
 * version is simply not compared).
 */
public final class ValuesDigest {
    private ValuesDigest() {}

    /** The version of what is digested; part of every digest ({@code "1:<hex>"}). */
    static final int VERSION = 1;
    private static final String PREFIX = VERSION + ":";

    /** The digest of the answer's values, or null when the function is not vintaged or the answer does not parse. */
    public static String of(AvFunction function, byte[] body) {
        if (!RawKey.VINTAGED.contains(function)) {
            return null;
        }
        MessageDigest digest = Sha256.digest();
        try {
            if (function == AvFunction.EARNINGS) {
                for (EarningsReport r : AnswerParsers.parseEarnings(body)) {
                    text(digest, String.valueOf(r.fiscalDateEnding()));
                    text(digest, String.valueOf(r.reportedDate()));
                    text(digest, String.valueOf(r.reportTime()));
                    number(digest, r.reportedEPS());
                }
            } else {
                reports(digest, AnswerParsers.parseStatement(function, body));
                text(digest, "annualReports");
                reports(digest, AnswerParsers.parseAnnualStatement(function, body));
            }
        } catch (MalformedAnswerException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    /** The metadata with the digest of {@code body} recorded, when its key is vintaged and it has none yet. */
    public static AnswerMetadata recorded(RawKey key, byte[] body, AnswerMetadata metadata) {
        if (!key.vintaged() || metadata.valuesDigest() != null) {
            return metadata;
        }
        return metadata.withValuesDigest(of(key.function(), body));
    }

    private static void reports(MessageDigest digest, List<StatementReport> reports) {
        number(digest, reports.size());
        for (StatementReport r : reports) {
            text(digest, String.valueOf(r.fiscalDateEnding()));
            text(digest, String.valueOf(r.reportedCurrency()));
            number(digest, r.metrics().size());
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                text(digest, m.getKey());
                number(digest, m.getValue() == null ? Double.NaN : m.getValue());
            }
        }
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        number(digest, bytes.length);
        digest.update(bytes);
    }

    private static void number(MessageDigest digest, double value) {
        digest.update(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(value)).array());
    }
}
