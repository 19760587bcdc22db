package org.avpipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avpipeline build}. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Builds the artifact from the raw store (no network).")
public final class BuildCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("avpipeline build: not implemented yet");
        return 1;
    }
}
