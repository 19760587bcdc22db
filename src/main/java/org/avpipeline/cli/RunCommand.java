package org.avpipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avpipeline run}. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Fetch, then build, with local defaults.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("avpipeline run: not implemented yet");
        return 1;
    }
}
