package org.avpipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avpipeline demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs the whole job against the built-in Alpha Vantage simulator.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("avpipeline demo: not implemented yet");
        return 1;
    }
}
