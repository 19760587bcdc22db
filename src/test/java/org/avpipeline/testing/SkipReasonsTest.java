package org.avpipeline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.Test;

/** Issue 21, point 11: a skipped test's reason is printed on the console, for every test. */
class SkipReasonsTest {
    @Test
    void theLineNamesTheTestAndTheReasonOnOneLine() {
        assertEquals("[SKIPPED] ImageModulesTest.theImage(): this Java has no jdeps (a JRE, not a JDK)",
                SkipReasons.line("ImageModulesTest", "theImage()", " this Java has no jdeps\n  (a JRE, not a JDK) "));
    }

    @Test
    void itIsRegisteredForEveryTest() throws IOException {
        assertTrue(ServiceLoader.load(Extension.class).stream().anyMatch(p -> p.type() == SkipReasons.class),
                "META-INF/services/org.junit.jupiter.api.extension.Extension");
        try (InputStream in = SkipReasonsTest.class.getResourceAsStream("/junit-platform.properties")) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .contains("junit.jupiter.extensions.autodetection.enabled=true"));
        }
    }
}
