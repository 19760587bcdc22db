package org.avpipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Terraform configuration of a directory as parsed by a real HCL parser (tools/hcl2json.mjs, which wraps
 * {@code @cdktf/hcl2json}), all files merged: {@code resource.TYPE.NAME}, {@code data.TYPE.NAME},
 * {@code variable.NAME}, {@code output.NAME}. Expressions stay as HCL2JSON writes them, {@code "${...}"}.
 */
final class TerraformConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode merged;
    private final List<Path> files;

    private TerraformConfig(ObjectNode merged, List<Path> files) {
        this.merged = merged;
        this.files = files;
    }

    private static final Map<Path, TerraformConfig> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The directory's configuration, parsed once per JVM (each file is one run of node). */
    static TerraformConfig parse(Path projectRoot, Path directory) {
        return PARSED.computeIfAbsent(directory.toAbsolutePath().normalize(), d -> parseNow(projectRoot, d));
    }

    private static TerraformConfig parseNow(Path projectRoot, Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode merged = JSON.createObjectNode();
        for (Path file : files) {
            var result = ExternalCommand.run(projectRoot,
                    List.of("node", projectRoot.resolve("tools/hcl2json.mjs").toString(), file.toString()));
            if (result.exitCode() != 0) {
                throw new AssertionError(file + " does not parse as HCL: " + result.output());
            }
            try {
                mergeInto(merged, (ObjectNode) JSON.readTree(result.stdout()));
            } catch (IOException e) {
                throw new AssertionError("hcl2json printed something that is not JSON for " + file, e);
            }
        }
        return new TerraformConfig(merged, files);
    }

    List<Path> files() {
        return files;
    }

    /** The one block {@code resource "type" "name"}; fails when it is missing. */
    JsonNode resource(String type, String name) {
        return single("resource", type, name);
    }

    JsonNode data(String type, String name) {
        return single("data", type, name);
    }

    JsonNode variable(String name) {
        JsonNode blocks = merged.path("variable").path(name);
        if (!blocks.isArray() || blocks.size() != 1) {
            throw new AssertionError("no variable \"" + name + "\"");
        }
        return blocks.get(0);
    }

    JsonNode output(String name) {
        JsonNode blocks = merged.path("output").path(name);
        if (!blocks.isArray() || blocks.size() != 1) {
            throw new AssertionError("no output \"" + name + "\"");
        }
        return blocks.get(0);
    }

    /** Every {@code locals} block of every file, as one object. */
    JsonNode localsBlock() {
        ObjectNode all = JSON.createObjectNode();
        merged.path("locals").forEach(block -> all.setAll((ObjectNode) block));
        return all;
    }

    /** Names of every block of a kind ({@code variable}, {@code output}) or of a type ({@code resource}, TYPE). */
    List<String> names(String... path) {
        JsonNode node = merged;
        for (String step : path) {
            node = node.path(step);
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every {@code TYPE.NAME -> body} of {@code resource} or {@code data}. */
    Map<String, JsonNode> blocks(String kind) {
        Map<String, JsonNode> all = new java.util.TreeMap<>();
        merged.path(kind).properties().iterator().forEachRemaining(type -> type.getValue().properties().iterator()
                .forEachRemaining(named -> all.put(type.getKey() + "." + named.getKey(), named.getValue().get(0))));
        return all;
    }

    private JsonNode single(String kind, String type, String name) {
        JsonNode blocks = merged.path(kind).path(type).path(name);
        if (!blocks.isArray() || blocks.size() != 1) {
            throw new AssertionError("no " + kind + " \"" + type + "\" \"" + name + "\" in " + files);
        }
        return blocks.get(0);
    }

    private static void mergeInto(ObjectNode target, ObjectNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.properties().iterator(); it.hasNext(); ) {
            var entry = it.next();
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode sourceObject
                    && !entry.getValue().isArray()) {
                mergeInto(existingObject, sourceObject);
            } else if (existing != null && existing.isArray() && entry.getValue().isArray()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) existing).addAll(
                        (com.fasterxml.jackson.databind.node.ArrayNode) entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }
}
