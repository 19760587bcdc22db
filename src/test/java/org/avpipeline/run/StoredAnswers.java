package org.avpipeline.run;

import java.io.IOException;
import java.time.Instant;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;

/**
 * Test fixture: puts an answer of one's own (a broken one, say) into a raw store, with the metadata a fetch would
 * give it. A store filled from the simulator is {@link org.avpipeline.bench.SimulatedRawStore#ensure}'s.
 */
public final class StoredAnswers {
    private StoredAnswers() {}

    public static void put(RawStore store, RawKey key, byte[] body) throws IOException {
        store.write(key, body, new AnswerMetadata(Instant.now(), "function=" + key.function() + "&symbol="
                + key.symbol() + "&apikey=***", Sha256.hex(body)));
    }
}
