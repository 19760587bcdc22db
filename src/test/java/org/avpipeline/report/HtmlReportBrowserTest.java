package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders sample reports in headless Chromium: the DOM must hold the sections and their SVG charts, the page must log
 * no errors, and the screenshot must show a page that is not blank. Screenshots stay in
 * {@code target/report-screenshots/} for a person to look at.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    static Path work;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium is not installed at " + CHROMIUM + "; run `bash .ci/install-test-tools.sh`");
    }

    @Test
    void realisticReportRendersWithChartsAndWithoutErrors() throws Exception {
        Path report = RunReportFiles.write(work.resolve("realistic"), SampleManifests.realistic()).report();

        Result dom = chromium(report, "--dump-dom");
        assertEquals(0, dom.exit(), () -> "chromium --dump-dom failed:\n" + dom.stderr());
        for (String id : List.of("status", "funnel", "fetch", "cleaning", "coverage", "artifact", "warnings")) {
            assertTrue(dom.stdout().contains("id=\"" + id + "\""), "rendered DOM lacks #" + id);
        }
        assertTrue(count(dom.stdout(), "<svg class=\"chart") >= 4, "expected the funnel, reason, ticker and coverage charts");
        assertTrue(dom.stdout().contains("class=\"chart coverage\""), "no coverage chart");
        assertTrue(dom.stdout().contains("<path d=\"M"), "the coverage chart has no line");
        assertNoPageErrors(dom.stderr());

        Path shots = Files.createDirectories(Path.of("target", "report-screenshots"));
        Files.copy(report, shots.resolve("realistic.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path png = shots.resolve("realistic.png");
        Files.deleteIfExists(png);
        Result shot = chromium(report, "--screenshot=" + png.toAbsolutePath());
        assertEquals(0, shot.exit(), () -> "chromium --screenshot failed:\n" + shot.stderr());
        assertNoPageErrors(shot.stderr());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(2000, image.getHeight());
        Pixels all = pixels(image, 0, 0, image.getWidth(), image.getHeight());
        assertTrue(all.distinctColours() > 200, "a flat page: " + all.distinctColours() + " colours");
        // The header band is dark blue across the top.
        Pixels band = pixels(image, 0, 0, image.getWidth(), 60);
        assertTrue(band.darkShare() > 0.9, "no dark header band: " + band.darkShare());
        // The funnel chart's bars are blue: many saturated-blue pixels on the first screen below the cards.
        Pixels body = pixels(image, 0, 300, image.getWidth(), 1000);
        assertTrue(body.blueShare() > 0.02, "no chart bars on screen: blue share " + body.blueShare());
    }

    @Test
    void emptyAndOneMonthReportsRenderToo() throws Exception {
        for (var entry : List.of(SampleManifests.failedEarly(), SampleManifests.oneMonth())) {
            Path report = RunReportFiles.write(work.resolve(entry.run().status() + "-" + entry.coverage().months().size()),
                    entry).report();
            Result dom = chromium(report, "--dump-dom");
            assertEquals(0, dom.exit(), () -> "chromium failed:\n" + dom.stderr());
            assertTrue(dom.stdout().contains("class=\"chart coverage\""));
            assertTrue(dom.stdout().contains("id=\"artifact\""));
            assertNoPageErrors(dom.stderr());
            Path png = Files.createDirectories(Path.of("target", "report-screenshots"))
                    .resolve(entry.run().status().name().toLowerCase() + ".png");
            Result shot = chromium(report, "--screenshot=" + png.toAbsolutePath());
            assertEquals(0, shot.exit(), () -> "chromium --screenshot failed:\n" + shot.stderr());
            assertTrue(pixels(ImageIO.read(png.toFile()), 0, 0, 1280, 2000).distinctColours() > 50);
        }
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result chromium(Path html, String mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--window-size=1280,2000", mode, html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Console messages and uncaught errors of the page (Chromium logs them as CONSOLE lines). */
    private static void assertNoPageErrors(String stderr) {
        for (String line : stderr.split("\n")) {
            assertTrue(!line.contains(":CONSOLE") && !line.contains("Uncaught")
                    && !line.contains("Refused to load") && !line.contains("net::ERR_"),
                    "page logged: " + line);
        }
    }

    private static int count(String s, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private record Pixels(int distinctColours, double darkShare, double blueShare) {}

    private static Pixels pixels(BufferedImage img, int x0, int y0, int w, int h) {
        Set<Integer> colours = new HashSet<>();
        long dark = 0;
        long blue = 0;
        long total = 0;
        for (int y = y0; y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = x0; x < Math.min(img.getWidth(), x0 + w); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (0.3 * r + 0.59 * g + 0.11 * b < 100) {
                    dark++;
                }
                if (b > 180 && b - r > 60 && b - g > 40) {
                    blue++;
                }
                total++;
            }
        }
        return new Pixels(colours.size(), dark / (double) total, blue / (double) total);
    }
}
