package org.avpipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, held against the main classes: a package may use only packages on a lower
 * layer (never one on its own layer or above), every package of ours has a layer, and no two packages form a cycle.
 * A new package, or an arrow back up, fails here until the layering (and the page) says where it belongs.
 */
class PackageLayeringTest {
    private static final String ROOT = "org.avpipeline";

    /** Top to bottom; {@code ""} is the root package ({@link Version}). Keep equal to docs/architecture.md. */
    static final List<List<String>> LAYERS = List.of(
            List.of("cli"),
            List.of("bench"),
            List.of("run"),
            List.of("cloud"),
            List.of("fetch", "panel", "report", "catalog", "simulator"),
            List.of("artifact", "raw"),
            List.of("alphavantage"),
            List.of("parquet", "metrics", "config", "concurrent", ""));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(ROOT);
    }

    private static String packageName(String sub) {
        return sub.isEmpty() ? ROOT : ROOT + "." + sub;
    }

    /** The package of ours a class belongs to: the first name below org.avpipeline, or "" for the root. */
    private static String ourPackage(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals(ROOT)) {
            return "";
        }
        String rest = p.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static int layerOf(String sub) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(sub)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyPackageOfOursHasALayer() {
        TreeSet<String> unplaced = main.stream().map(PackageLayeringTest::ourPackage).filter(p -> layerOf(p) < 0)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(), unplaced, "packages missing from the layering of docs/architecture.md");
    }

    @Test
    void noPackageUsesOneOnItsOwnLayerOrAbove() {
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String sub : LAYERS.get(i)) {
                List<String> forbidden = new ArrayList<>();
                for (int j = 0; j <= i; j++) {
                    for (String other : LAYERS.get(j)) {
                        if (!other.equals(sub)) {
                            forbidden.add(other.isEmpty() ? ROOT : packageName(other) + "..");
                        }
                    }
                }
                if (forbidden.isEmpty()) {
                    continue;
                }
                var rule = sub.isEmpty()
                        ? noClasses().that().resideInAPackage(ROOT)
                        : noClasses().that().resideInAPackage(packageName(sub) + "..");
                rule.should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because("docs/architecture.md puts " + packageName(sub) + " on layer " + i
                                + " and a package uses only the layers below its own")
                        .allowEmptyShould(true) // a package of the page that has no classes yet (parquet)
                        .check(main);
            }
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    /** Every package of ours says what it owns and which part of the spec it implements, in a package-info. */
    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path sources = Path.of("src/main/java/org/avpipeline");
        assumeTrue(Files.isDirectory(sources), "the main sources are not at " + sources.toAbsolutePath());
        try (Stream<Path> dirs = Files.walk(sources)) {
            List<String> without = dirs.filter(Files::isDirectory).filter(PackageLayeringTest::hasJava)
                    .filter(d -> !Files.isRegularFile(d.resolve("package-info.java")))
                    .map(d -> sources.relativize(d).toString()).sorted().toList();
            assertEquals(List.of(), without, "packages without a package-info.java");
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Guards the rules above against passing on nothing: the main classes are there, with their arrows. */
    @Test
    void theMainClassesAndTheirArrowsAreSeen() {
        var panelUsesMetrics = noClasses().that().resideInAPackage(ROOT + ".panel..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".metrics..");
        assertTrue(panelUsesMetrics.evaluate(main).hasViolation(), "panel's use of the metric lists is seen");
        assertTrue(main.size() > 200, "main classes imported: " + main.size());
    }
}
