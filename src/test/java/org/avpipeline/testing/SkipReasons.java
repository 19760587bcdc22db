package org.avpipeline.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a test was skipped (its assumption's message, or why it is disabled) on the console, where the build's
 * summary only counts the skipped tests and the test's own output goes to target/surefire-reports. Registered for
 * every test (META-INF/services, junit-platform.properties). It writes to the process's standard error, which the
 * forked test JVM hands to the console as it is.
 */
public final class SkipReasons implements TestWatcher {
    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        print(context, cause == null || cause.getMessage() == null ? "an assumption failed" : cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        print(context, reason.orElse("disabled"));
    }

    /** The line printed for a skipped test. */
    static String line(String testClass, String test, String reason) {
        return "[SKIPPED] " + testClass + "." + test + ": " + reason.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void print(ExtensionContext context, String reason) {
        String testClass = context.getTestClass().map(Class::getSimpleName).orElse("?");
        CONSOLE.println(line(testClass, context.getDisplayName(), reason));
    }
}
