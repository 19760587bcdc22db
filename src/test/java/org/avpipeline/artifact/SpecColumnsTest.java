package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schemas as data against the contract itself, {@code ../shared/spec/artifact.md} (skipped when the spec is not
 * beside the project): the panel's 160 columns with their names, order and types, and the columns the spec lists for
 * the price and company-profile companion files.
 */
class SpecColumnsTest {
    private static final Path SPEC = Path.of("..", "shared", "spec", "artifact.md");

    private static String spec() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC), "the spec is not at " + SPEC.toAbsolutePath()
                + " (it is beside the project in CI); skipping");
        return Files.readString(SPEC);
    }

    @Test
    void thePanelHasTheSpecsColumnsInOrderWithTheirTypes() throws Exception {
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| `([^`]+)` \\| (STRING|DATE|DOUBLE|BOOLEAN) \\|").matcher(spec());
        List<String> expected = new ArrayList<>();
        while (m.find()) {
            assertEquals(expected.size() + 1, Integer.parseInt(m.group(1)), "row numbers of the spec's table");
            expected.add(m.group(2) + " " + m.group(3));
        }
        assertEquals(160, expected.size());
        List<String> actual = ArtifactSchema.COLUMNS.stream().map(c -> c.name() + " " + c.type()).toList();
        assertEquals(expected, actual);
    }

    @Test
    void thePriceAndProfileFilesHaveTheSpecsColumns() throws Exception {
        String spec = spec();
        assertEquals(names(spec, "price_artifact.parquet"), CompanionSchemas.PRICES.columns().stream()
                .map(Column::name).toList());
        assertEquals(names(spec, "company_profile.parquet"), CompanionSchemas.PROFILES.columns().stream()
                .map(Column::name).toList());
    }

    /** The backquoted column names of the paragraph that describes {@code file}, in order. */
    private static List<String> names(String spec, String file) {
        int start = spec.indexOf("**`" + file + "`**");
        assertEquals(true, start >= 0, file + " in the spec");
        int end = spec.indexOf("\n\n", start);
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(spec.substring(start, end));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("OVERVIEW") && !names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
