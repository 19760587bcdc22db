package org.avpipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.avpipeline.config.SettingsException;
import org.avpipeline.simulator.SimulatorConfig;

/**
 * Each simulated market's answers in a folder of its own ({@code demo}): without {@code --data-dir}, the default
 * market (seed 42, 20 constituents) goes to {@code avpipeline-demo}, any other to
 * {@code avpipeline-demo-seed<S>-tickers<N>}; the folder remembers its market in {@link #FILE_NAME}, and a
 * {@code --data-dir} that holds another market's answers is refused (they would be reused as fresh, under a banner
 * naming the new market).
 */
final class DemoFolder {
    static final String FILE_NAME = "demo-market.txt";
    static final Path DEFAULT = Path.of("avpipeline-demo");

    private DemoFolder() {}

    /** What a folder's market is called: {@code seed 42, 20 constituents of QQQ}. */
    static String describe(SimulatorConfig c) {
        return "seed " + c.seed() + ", " + c.tickers() + " constituents of " + c.etfSymbol();
    }

    /** The folder for a market when {@code --data-dir} is not given. */
    static Path defaultFor(SimulatorConfig c) {
        SimulatorConfig d = SimulatorConfig.defaults();
        if (c.seed() == d.seed() && c.tickers() == d.tickers() && c.etfSymbol().equals(d.etfSymbol())) {
            return DEFAULT;
        }
        return Path.of(DEFAULT + "-seed" + c.seed() + "-tickers" + c.tickers());
    }

    /**
     * Claims {@code dir} for the market: records it in a new or empty folder, accepts the folder of the same market,
     * refuses another market's ({@link SettingsException}). A folder with answers but no record (an earlier version's)
     * is taken to hold the default market's, as those versions wrote unless told otherwise.
     */
    static void claim(Path dir, SimulatorConfig c, boolean explicitDir) throws IOException {
        String want = describe(c);
        Path file = dir.resolve(FILE_NAME);
        Optional<String> have = Files.isRegularFile(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                : Files.isDirectory(dir.resolve("raw")) ? Optional.of(describe(SimulatorConfig.defaults()))
                : Optional.empty();
        if (have.isPresent() && !have.get().equals(want)) {
            throw new SettingsException("Invalid --data-dir " + dir + ": it holds the answers of the simulated market "
                    + "with " + have.get() + ", not " + want + " (they would be reused as if fresh). Use another "
                    + "--data-dir" + (explicitDir ? ", e.g. " + defaultFor(c) + " (the default for this market)"
                    : "") + ", or remove " + dir + ".");
        }
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(dir);
            Files.writeString(file, want + "\n", StandardCharsets.UTF_8);
        }
    }
}
