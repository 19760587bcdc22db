package org.avpipeline.cloud;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the fauxqs SNS/SQS emulator ({@code tools/node_modules/fauxqs}, installed by
 * {@code bash .ci/install-test-tools.sh}) as a Node subprocess for one test class, on a port the OS picks
 * ({@code FAUXQS_PORT=0}; the port is read from its "Server listening at" log line), and stops it afterwards.
 * Without node or fauxqs each test is skipped with a message naming the install script.
 */
public final class FauxqsExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Pattern LISTENING = Pattern.compile("Server listening at http://127\\.0\\.0\\.1:(\\d+)");
    private static final String INSTALL_HINT = "run `bash .ci/install-test-tools.sh` to install it";

    private String unavailable;
    private Process process;
    private Thread shutdownHook;
    private URI endpoint;
    private final Deque<String> lastLines = new ArrayDeque<>();

    /** {@code http://127.0.0.1:<port>}, valid between beforeAll and afterAll. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("fauxqs is not running");
        }
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path cli = root.resolve("tools/node_modules/fauxqs/dist/cli.js");
        Optional<Path> node = onPath("node");
        if (!Files.isRegularFile(cli)) {
            unavailable = "fauxqs (SNS/SQS emulator) is not installed at " + cli + ": " + INSTALL_HINT;
        } else if (node.isEmpty()) {
            unavailable = "node is not on the PATH, so fauxqs cannot run: install Node.js and " + INSTALL_HINT;
        }
        if (unavailable != null) {
            return; // each test is skipped with this message (a class-level skip would hide it in the reports)
        }

        ProcessBuilder pb = new ProcessBuilder(node.get().toString(), cli.toString()).redirectErrorStream(true);
        pb.environment().put("FAUXQS_PORT", "0");
        pb.environment().put("FAUXQS_HOST", "127.0.0.1");
        pb.environment().put("FAUXQS_LOGGER", "true"); // the "Server listening at" line carries the port
        process = pb.start();
        shutdownHook = new Thread(process::destroyForcibly, "fauxqs-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(port), "fauxqs-output");
        reader.setDaemon(true);
        reader.start();
        int actual;
        try {
            actual = port.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("fauxqs did not report its port within 60 s; its output:\n" + output());
        }
        endpoint = URI.create("http://127.0.0.1:" + actual);
        awaitHealthy();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    private void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway
            }
            shutdownHook = null;
        }
        endpoint = null;
    }

    private void drain(CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 50) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (!port.isDone() && m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        port.completeExceptionally(new IllegalStateException("fauxqs exited before listening:\n" + output()));
    }

    private String output() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).GET().build();
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IOException("fauxqs at " + endpoint + " never answered /health; its output:\n" + output(), last);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
