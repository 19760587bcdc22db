package org.avpipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avpipeline inspect}. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Shows what is in an artifact file.")
public final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("avpipeline inspect: not implemented yet");
        return 1;
    }
}
