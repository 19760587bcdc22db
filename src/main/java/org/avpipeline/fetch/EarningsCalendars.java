package org.avpipeline.fetch;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.Answer;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.CalendarEntry;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;
import org.avpipeline.raw.StoredAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stored earnings calendar, and a new one fetched in one call and stored for the next run. */
final class EarningsCalendars {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshPlanner.class);

    private final AlphaVantageClient client;
    private final RawStore store;

    EarningsCalendars(AlphaVantageClient client, RawStore store) {
        this.client = client;
        this.store = store;
    }

    /** The calendar the decisions use, and what became of the request for the new one. */
    record Result(EarningsCalendar calendar, DataTypeTally tally) {}

    /** The stored calendar, then a new one fetched and stored in its place. */
    Result read(Instant now) throws InterruptedException {
        RawKey key = RawKey.earningsCalendar();
        LocalDate previousDay = null;
        List<CalendarEntry> previous = List.of();
        try {
            Optional<StoredAnswer> stored = store.read(key);
            if (stored.isPresent()) {
                previous = AnswerParsers.parseEarningsCalendar(stored.get().body());
                previousDay = LocalDate.ofInstant(stored.get().metadata().fetchedAt(), ZoneOffset.UTC);
            }
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            LOG.warn("the stored earnings calendar is unusable ({}); the earnings history predicts instead",
                    e.getMessage());
        } catch (MalformedAnswerException e) {
            LOG.warn("the stored earnings calendar is unusable ({}); the earnings history predicts instead",
                    e.getMessage());
        }
        Answer answer = client.fetchEarningsCalendar(RefreshPlanner.HORIZON);
        if (!answer.isData()) {
            String detail = answer.kind().describe() + (answer.detail().isEmpty() ? "" : ": " + answer.detail());
            LOG.warn("no earnings calendar ({}); the stored calendar and earnings history decide", detail);
            return new Result(new EarningsCalendar(previousDay, previous, null, List.of()),
                    new DataTypeTally(AvFunction.EARNINGS_CALENDAR, 0, 0,
                            List.of(new TickerFailure("MARKET", answer.kind().name(), detail))));
        }
        List<CalendarEntry> current = AnswerParsers.parseEarningsCalendar(answer.body());
        try {
            store.write(key, answer.body(), new AnswerMetadata(now, answer.request(), Sha256.hex(answer.body())));
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            LOG.warn("could not store the earnings calendar: {}", e.getMessage());
        }
        LOG.info("earnings calendar: {} upcoming reports (stored calendar of {}: {})", current.size(),
                previousDay == null ? "none" : previousDay, previous.size());
        return new Result(new EarningsCalendar(previousDay, previous, LocalDate.ofInstant(now, ZoneOffset.UTC),
                current), new DataTypeTally(AvFunction.EARNINGS_CALENDAR, 1, 0, List.of()));
    }
}
