package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.avpipeline.config.SettingsException;
import org.avpipeline.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21.5: each simulated market's answers in a folder of its own. */
class DemoFolderTest {
    static final SimulatorConfig DEFAULT = SimulatorConfig.defaults();

    @TempDir
    Path dir;

    @Test
    void withoutDataDirEachMarketHasItsOwnFolder() {
        assertEquals(Path.of("avpipeline-demo"), DemoFolder.defaultFor(DEFAULT));
        assertEquals(Path.of("avpipeline-demo-seed7-tickers20"), DemoFolder.defaultFor(DEFAULT.withSeed(7)));
        assertEquals(Path.of("avpipeline-demo-seed42-tickers5"), DemoFolder.defaultFor(DEFAULT.withTickers(5)));
    }

    @Test
    void aFolderKeepsTheMarketItWasFirstUsedFor() throws Exception {
        Path folder = dir.resolve("demo");
        DemoFolder.claim(folder, DEFAULT.withSeed(7), true);
        DemoFolder.claim(folder, DEFAULT.withSeed(7), true); // the same market again
        SettingsException e = assertThrows(SettingsException.class,
                () -> DemoFolder.claim(folder, DEFAULT.withSeed(7).withTickers(5), true));
        assertTrue(e.getMessage().contains("holds the answers of the simulated market with seed 7, 20 constituents "
                + "of QQQ, not seed 7, 5 constituents of QQQ"), e.getMessage());
    }

    @Test
    void aFolderWithAnswersButNoRecordHoldsTheDefaultMarket() throws Exception {
        Files.createDirectories(dir.resolve("raw"));
        assertThrows(SettingsException.class, () -> DemoFolder.claim(dir, DEFAULT.withSeed(7), true));
        DemoFolder.claim(dir, DEFAULT, true);
        assertEquals("seed 42, 20 constituents of QQQ", Files.readString(dir.resolve(DemoFolder.FILE_NAME)).trim());
    }
}
