package org.avpipeline.cloud;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.avpipeline.alphavantage.ApiKeyRedactor;

/**
 * The AWS run's log: one event per line on standard output, as CloudWatch Logs shows it best, with the original
 * pipeline's messages word for word. A message of several lines is written as several events; every line goes
 * through the {@link ApiKeyRedactor} first.
 */
final class RunLog {
    private final Supplier<PrintStream> out;
    private final ApiKeyRedactor redactor;

    RunLog(Supplier<PrintStream> out, ApiKeyRedactor redactor) {
        this.out = Objects.requireNonNull(out, "out");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    void info(String message) {
        write("", message);
    }

    void warn(String message) {
        write("WARNING: ", message);
    }

    void error(String message) {
        write("ERROR: ", message);
    }

    private void write(String prefix, String message) {
        PrintStream stream = out.get();
        for (String line : redactor.redact(message).split("\\R")) {
            stream.println(prefix + line);
        }
        stream.flush();
    }
}
