package org.avpipeline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script runs the jar with the same JVM options whatever the command (it reads no command line), and
 * writes nothing beside the jar. Runs the real {@code ./avpipeline} script, copied beside a stand-in jar, with a
 * {@code java} on the PATH that records its arguments instead of starting a JVM.
 */
class LauncherTest {
    @TempDir
    Path home;

    private Path launcher;
    private Path jar;
    private Path args;
    private Path fakeBin;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("bash", "--version").start().waitFor() == 0, "needs bash");
        launcher = home.resolve("app/avpipeline");
        Files.createDirectories(launcher.getParent().resolve("target/lib"));
        Files.copy(Path.of("avpipeline"), launcher);
        executable(launcher);
        jar = launcher.getParent().resolve("target/avpipeline.jar");
        Files.writeString(jar, "stand-in");
        fakeBin = Files.createDirectories(home.resolve("bin"));
        args = home.resolve("java-args.txt");
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
        executable(java);
    }

    @Test
    void everyCommandRunsTheJarWithTheSameOptionsAndItsCommandLineAsGiven() throws Exception {
        List<String> options = null;
        for (String[] command : new String[][] {{"build", "--tickers", "A,B"}, {"bench", "build", "--tickers", "30"},
                {"bench", "build", "--tickers", "3000"}, {"run", "--aws"}, {"help", "run"}, {"--version"}}) {
            List<String> java = run(Map.of(), command);
            assertEquals(List.of(command), java.subList(java.size() - command.length, java.size()),
                    "the command line is passed on as given");
            List<String> before = java.subList(0, java.size() - command.length);
            assertEquals(List.of("-jar", jar.toString()), before.subList(before.size() - 2, before.size()));
            if (options == null) {
                options = before;
            }
            assertEquals(options, before, "the same JVM options for " + List.of(command));
        }
        assertTrue(options.contains("-XX:+UseSerialGC"), options.toString());
    }

    @Test
    void theUsersOptionsComeLastAndTheirCollectorReplacesSerial() throws Exception {
        List<String> java = run(Map.of("AVPIPELINE_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1"), "build");
        assertTrue(java.contains("-XX:+UseSerialGC"), java.toString());
        assertEquals(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-jar"),
                java.subList(java.indexOf("-jar") - 2, java.indexOf("-jar") + 1));
        List<String> parallel = run(Map.of("AVPIPELINE_JAVA_OPTS", "-XX:+UseParallelGC"), "build");
        assertFalse(parallel.contains("-XX:+UseSerialGC"), parallel.toString());
        assertTrue(parallel.contains("-XX:+UseParallelGC"), parallel.toString());
    }

    @Test
    void helpWritesNothingBesideTheJar() throws Exception {
        List<String> java = run(Map.of(), "help", "run");
        assertFalse(java.stream().anyMatch(a -> a.contains("Archive") || a.contains(".jsa")), java.toString());
        try (Stream<Path> target = Files.list(jar.getParent())) {
            assertEquals(List.of("avpipeline.jar", "lib"),
                    target.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private List<String> run(Map<String, String> env, String... command) throws Exception {
        Files.deleteIfExists(args);
        List<String> line = new ArrayList<>(List.of("bash", launcher.toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).directory(home.toFile());
        pb.environment().remove("AVPIPELINE_JAVA_OPTS");
        pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        return Files.readAllLines(args);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
