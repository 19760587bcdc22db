package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 21, point 10: every command's {@code --help} renders without a picocli warning (a {@code %} in a description
 * is a format conversion to picocli: {@code 25%, } printed "[picocli WARN] Could not format ... Conversion = ','").
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        List<String> commands = new ArrayList<>();
        String warnings = picocliWarningsDuring(() -> {
            for (CommandLine command : allCommands(Main.commandLine())) {
                StringWriter help = new StringWriter();
                command.usage(new PrintWriter(help, true));
                String name = command.getCommandSpec().qualifiedName();
                assertTrue(help.toString().contains("Usage: " + name), name + ":\n" + help);
                commands.add(name);
            }
        });
        assertEquals("", warnings, "picocli warned while rendering the help of " + commands);
        assertTrue(commands.contains("avpipeline bench refresh"), commands.toString());
        assertTrue(commands.size() >= 10, commands.toString());
    }

    @Test
    void buildsHelpDoesNotSayItFetches() {
        // issue 21, point 11: --no-companions read "no OVERVIEW fetch" in build's help, and build never fetches
        StringWriter help = new StringWriter();
        Main.commandLine().getSubcommands().get("build").usage(new PrintWriter(help, true));
        String oneLine = help.toString().replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("--no-companions Only the daily panel: fetch and run request no company OVERVIEW; "
                + "build and run write no ttm_quarterly_artifact, price_artifact or company_profile file beside it"),
                help.toString());
        assertFalse(oneLine.contains("no OVERVIEW fetch"), help.toString());
    }

    @Test
    void aPercentSignInADescriptionIsCaught() {
        // The check itself: a description with an unescaped % makes picocli warn, and the capture sees it.
        @CommandLine.Command(name = "bad", description = "mean <= 25%, worst <= 40%")
        final class Bad implements Runnable {
            @Override
            public void run() {}
        }
        String warnings = picocliWarningsDuring(
                () -> new CommandLine(new Bad()).usage(new PrintWriter(new StringWriter(), true)));
        assertFalse(warnings.isEmpty(), "no warning caught");
        assertTrue(warnings.contains("[picocli WARN]"), warnings);
    }

    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())) { // aliases once
                all.addAll(allCommands(sub.getValue()));
            }
        }
        return all;
    }

    /** What picocli's tracer printed while {@code action} ran (it writes to the System.err of the moment). */
    private static String picocliWarningsDuring(Runnable action) {
        PrintStream before = System.err;
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        System.setErr(new PrintStream(capture, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(before);
        }
        return capture.toString(StandardCharsets.UTF_8);
    }
}
