package org.avpipeline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.avpipeline.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code avpipeline} command: parsing and exit codes only; each verb is its own class. */
@Command(name = "avpipeline",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Turns an ETF's holdings into a point-in-time daily panel of trailing-twelve-month per-share "
                + "fundamentals (Parquet), from Alpha Vantage data.")
public final class Main implements Runnable {

    /** The verbs, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("fetch", FetchCommand::new);
        SUBCOMMANDS.put("build", BuildCommand::new);
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("simulate", SimulateCommand::new);
        SUBCOMMANDS.put("inspect", InspectCommand::new);
        SUBCOMMANDS.put("bench", BenchCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** The whole command line, every verb. */
    public static CommandLine commandLine() {
        return commandLineFor();
    }

    /**
     * The command line for these arguments: when the first names a verb (other than {@code help}), that verb alone,
     * since picocli builds each verb's model (by reflection, from classes it cannot keep in the class-data archive)
     * when it is added, a short run's start; otherwise, for the top-level help and errors, every verb.
     */
    static CommandLine commandLineFor(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String verb = args.length > 0 ? args[0] : null;
        if (verb != null && !verb.equals("help") && SUBCOMMANDS.containsKey(verb)) {
            cl.addSubcommand(verb, SUBCOMMANDS.get(verb).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: see 'avpipeline --help'.");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"avpipeline " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
