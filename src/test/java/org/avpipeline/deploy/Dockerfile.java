package org.avpipeline.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Just enough of a Dockerfile reader for the tests: instructions with continuation lines joined. */
final class Dockerfile {
    private Dockerfile() {}

    /** {@code [KEYWORD, arguments]} for each instruction, comments and blank lines dropped. */
    static List<String[]> instructions(String text) {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (current.length() == 0 && (stripped.isEmpty() || stripped.startsWith("#"))) {
                continue;
            }
            if (current.length() > 0 && stripped.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String instruction = current.toString().strip().replaceAll("\\s+", " ");
            current.setLength(0);
            int space = instruction.indexOf(' ');
            instructions.add(space < 0
                    ? new String[] {instruction.toUpperCase(), ""}
                    : new String[] {instruction.substring(0, space).toUpperCase(), instruction.substring(space + 1)});
        }
        return instructions;
    }

    static List<String> arguments(List<String[]> instructions, String keyword) {
        return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
    }

    /** The instructions after the last FROM. */
    static List<String[]> lastStage(List<String[]> instructions) {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i)[0].equals("FROM")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    /** The words of an exec-form (JSON array) ENTRYPOINT or CMD; shell form is refused. */
    static List<String> execForm(String arguments) {
        if (arguments.isEmpty()) {
            return List.of();
        }
        if (!arguments.startsWith("[")) {
            throw new AssertionError("use the exec (JSON) form, so that signals reach the JVM: " + arguments);
        }
        try {
            return new ObjectMapper().readValue(arguments, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new AssertionError("not a JSON array: " + arguments, e);
        }
    }
}
