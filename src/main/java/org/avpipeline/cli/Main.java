package org.avpipeline.cli;

import org.avpipeline.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code avpipeline} command: parsing and exit codes only; each verb is its own class. */
@Command(name = "avpipeline",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Turns an ETF's holdings into a point-in-time daily panel of trailing-twelve-month per-share "
                + "fundamentals (Parquet), from Alpha Vantage data.",
        subcommands = {
                FetchCommand.class,
                BuildCommand.class,
                RunCommand.class,
                DemoCommand.class,
                SimulateCommand.class,
                InspectCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
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
