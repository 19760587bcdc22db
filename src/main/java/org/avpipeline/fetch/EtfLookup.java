package org.avpipeline.fetch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.Answer;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EtfProfile;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.StoredAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The universe of an ETF: its stored profile while fresh (unless refreshing), else a fetched one, stored. */
final class EtfLookup {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    /** The universe, and whether its profile was fetched (not the stored one). */
    record Result(Universe universe, boolean fetched) {}

    private final AlphaVantageClient client;
    private final RawStore store;
    private final FetchPolicy policy;
    private final Clock clock;

    EtfLookup(AlphaVantageClient client, RawStore store, FetchPolicy policy, Clock clock) {
        this.client = client;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    Result lookup(String etf) throws InterruptedException {
        RawKey key;
        try {
            key = RawKey.etfProfile(etf);
        } catch (IllegalArgumentException e) {
            throw new EtfLookupException("not an ETF symbol: '" + etf + "'", e);
        }
        if (!policy.refresh()) {
            Optional<Universe> stored = stored(key);
            if (stored.isPresent()) {
                return new Result(stored.get(), false);
            }
        }
        Answer answer = client.fetch(AvFunction.ETF_PROFILE, key.symbol());
        if (!answer.isData()) {
            throw new EtfLookupException("Could not get the holdings of ETF " + key.symbol() + ": "
                    + answer.kind().describe() + (answer.detail().isEmpty() ? "" : " (" + answer.detail() + ")"));
        }
        try {
            store.write(key, answer.body(), FetchRounds.metadataOf(answer, clock));
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            throw new EtfLookupException("Could not store the profile of ETF " + key.symbol() + " in "
                    + store.describe() + ": " + e.getMessage(), e);
        }
        EtfProfile profile = AnswerParsers.parseEtfProfile(key.symbol(), answer.body());
        return new Result(nonEmpty(Universe.fromHoldings(key.symbol(), profile.holdings())), true);
    }

    /** The stored profile's universe when it is fresh and usable; an unusable one is logged. */
    private Optional<Universe> stored(RawKey key) throws InterruptedException {
        try {
            Optional<StoredAnswer> stored = store.read(key);
            if (stored.isPresent() && isFresh(stored.get().metadata())) {
                EtfProfile profile = AnswerParsers.parseEtfProfile(key.symbol(), stored.get().body());
                LOG.info("ETF {}: using the stored profile of {}", key.symbol(), stored.get().metadata().fetchedAt());
                return Optional.of(nonEmpty(Universe.fromHoldings(key.symbol(), profile.holdings())));
            }
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            LOG.warn("ETF {}: the stored profile is unusable ({}); fetching it again", key.symbol(), e.getMessage());
        } catch (MalformedAnswerException e) {
            LOG.warn("ETF {}: the stored profile is unusable ({}); fetching it again", key.symbol(), e.getMessage());
        }
        return Optional.empty();
    }

    private static Universe nonEmpty(Universe u) {
        if (u.tickers().isEmpty()) {
            throw new EtfLookupException("ETF " + u.etfSymbol() + " has no holdings with a ticker symbol");
        }
        return u;
    }

    private boolean isFresh(AnswerMetadata meta) {
        return Duration.between(meta.fetchedAt(), clock.instant()).compareTo(policy.maxAge()) < 0;
    }
}
