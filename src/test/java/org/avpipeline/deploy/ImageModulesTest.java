package org.avpipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, point 4: the image's Java runtime (the Dockerfile's {@code jlink --add-modules}) has every module the jar
 * and its libraries need, as {@code jdeps --print-module-deps} finds them (the image's {@code demo} and
 * {@code simulate} crashed without {@code jdk.httpserver}). The image cannot be built here, so the test runs this
 * JDK's jdeps on the compiled classes and the runtime class path, and resolves the Dockerfile's list as jlink does
 * (each module with the modules it requires).
 */
class ImageModulesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Written by the build (maven-dependency-plugin, build-classpath) before the tests. */
    private static final Path RUNTIME_CLASSPATH = ROOT.resolve("target/runtime-classpath.txt");

    @Test
    void theImageHasEveryModuleJdepsFindsInTheJarAndItsLibraries() throws IOException {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        assumeTrue(jdeps.isPresent(), "this Java has no jdeps (a JRE, not a JDK)");
        assumeTrue(Files.isRegularFile(RUNTIME_CLASSPATH), RUNTIME_CLASSPATH + " is missing: run the tests with Maven "
                + "(./mvnw test), which writes it");
        List<String> arguments = new ArrayList<>(List.of("--ignore-missing-deps", "--multi-release", "17",
                "--print-module-deps", ROOT.resolve("target/classes").toString()));
        String classpath = Files.readString(RUNTIME_CLASSPATH).strip();
        List<String> libraries = classpath.isEmpty() ? List.of() : Arrays.asList(classpath.split(java.io.File.pathSeparator));
        assertTrue(libraries.stream().anyMatch(l -> l.contains("picocli")), "runtime class path: " + libraries);
        arguments.addAll(libraries);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.get().run(new PrintWriter(out, true), new PrintWriter(err, true), arguments.toArray(String[]::new));
        assertEquals(0, code, "jdeps failed: " + err);
        Set<String> needed = modules(lastLine(out.toString()));
        assertTrue(needed.contains("java.base") && needed.contains("jdk.httpserver"), "jdeps found " + needed);

        assertEquals(Set.of(), missing(needed, addModules()), "modules the jar needs that the image lacks; "
                + "add them to the Dockerfile's jlink --add-modules");
    }

    @Test
    void aListWithoutTheHttpServerIsCaught() {
        // the list of the image that crashed: java.se does not bring jdk.httpserver
        List<String> before = List.of("java.se", "jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.unsupported",
                "jdk.zipfs", "jdk.security.auth", "jdk.management", "jdk.net", "jdk.charsets");
        assertEquals(Set.of("jdk.httpserver"),
                missing(Set.of("java.base", "java.net.http", "java.sql", "jdk.httpserver", "jdk.unsupported"), before));
        assertEquals(Set.of(), missing(Set.of("java.sql", "java.desktop", "java.naming"), List.of("java.se")),
                "java.se brings every SE module");
    }

    @Test
    void theImageKeepsTheProvidersJdepsCannotSee() throws IOException {
        // found by name at run time: TLS with elliptic curves (Alpha Vantage, AWS) and the zip file system
        assertTrue(addModules().containsAll(List.of("jdk.crypto.ec", "jdk.zipfs", "jdk.charsets")), addModules().toString());
    }

    /** The modules of the Dockerfile's {@code jlink --add-modules}. */
    static List<String> addModules() throws IOException {
        List<String[]> instructions = Dockerfile.instructions(Files.readString(ROOT.resolve("Dockerfile")));
        List<String> jlinks = Dockerfile.arguments(instructions, "RUN").stream().filter(r -> r.contains("jlink ")).toList();
        assertEquals(1, jlinks.size(), "one RUN with jlink: " + jlinks);
        Matcher m = Pattern.compile("--add-modules[ =]([\\w.,]+)").matcher(jlinks.get(0));
        assertTrue(m.find(), "jlink without --add-modules: " + jlinks.get(0));
        return List.of(m.group(1).split(","));
    }

    /** The modules of {@code needed} that jlink, given {@code addModules}, leaves out. */
    static Set<String> missing(Set<String> needed, List<String> addModules) {
        Configuration image = Configuration.empty().resolve(ModuleFinder.ofSystem(), ModuleFinder.of(), addModules);
        Set<String> included = image.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        return needed.stream().filter(n -> !included.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> modules(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
