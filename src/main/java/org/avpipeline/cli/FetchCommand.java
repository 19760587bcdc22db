package org.avpipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avpipeline fetch}. */
@Command(name = "fetch", mixinStandardHelpOptions = true, description = "Fetches the universe's raw Alpha Vantage data into the raw store.")
public final class FetchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("avpipeline fetch: not implemented yet");
        return 1;
    }
}
