package org.avpipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avpipeline simulate}. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Serves the Alpha Vantage simulator on 127.0.0.1 until stopped.")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("avpipeline simulate: not implemented yet");
        return 1;
    }
}
