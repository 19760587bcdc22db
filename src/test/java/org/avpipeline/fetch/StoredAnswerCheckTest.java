package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.run.StoredAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored answer counts only when verified: metadata, SHA-256 and a body that parses (issue 10, case 1). */
class StoredAnswerCheckTest {
    private static final byte[] SPLITS = "{\"symbol\": \"ACMA\", \"data\": []}".getBytes(StandardCharsets.UTF_8);
    private static final RawKey KEY = RawKey.of("ACMA", AvFunction.SPLITS);

    @TempDir
    Path dir;

    @Test
    void aGoodAnswerIsUsableAndAMissingOneIsNotDamaged() throws Exception {
        LocalRawStore store = new LocalRawStore(dir);
        StoredAnswerCheck.Result missing = StoredAnswerCheck.read(store, KEY);
        assertTrue(missing.answer().isEmpty());
        assertFalse(missing.damaged());
        StoredAnswers.put(store, KEY, SPLITS);
        StoredAnswerCheck.Result good = StoredAnswerCheck.read(store, KEY);
        assertTrue(good.answer().isPresent());
        assertFalse(good.damaged());
    }

    @Test
    void garbageInPlaceOfTheGzipIsDamaged() throws Exception {
        LocalRawStore store = new LocalRawStore(dir);
        StoredAnswers.put(store, KEY, SPLITS);
        Files.writeString(store.answerFile(KEY), "garbage");
        StoredAnswerCheck.Result r = StoredAnswerCheck.read(store, KEY);
        assertTrue(r.damaged(), "garbage");
        assertTrue(r.damage().contains("corrupt"), r.damage());
    }

    @Test
    void aBodyThatDoesNotMatchItsShaIsDamaged() throws Exception {
        LocalRawStore store = new LocalRawStore(dir);
        StoredAnswers.put(store, KEY, SPLITS);
        Path meta = store.metadataFile(KEY);
        StoredAnswers.put(new LocalRawStore(dir.resolve("other")), KEY, "{\"symbol\": \"ACMA\", \"data\": [{}]}"
                .getBytes(StandardCharsets.UTF_8));
        Files.copy(dir.resolve("other").resolve(KEY.answerPath()), store.answerFile(KEY),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.exists(meta));
        StoredAnswerCheck.Result r = StoredAnswerCheck.read(store, KEY);
        assertTrue(r.damaged());
        assertTrue(r.damage().contains("sha256"), r.damage());
    }

    @Test
    void aBodyThatDoesNotParseAsTheFunctionsAnswerIsDamaged() throws Exception {
        LocalRawStore store = new LocalRawStore(dir);
        StoredAnswers.put(store, KEY, "{\"Note\": \"not splits\"}".getBytes(StandardCharsets.UTF_8));
        StoredAnswerCheck.Result r = StoredAnswerCheck.read(store, KEY);
        assertTrue(r.damaged());
        assertTrue(r.damage().contains("not a SPLITS answer"), r.damage());
    }
}
