package org.itlgateway.gateway.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options about a command's settings: the file they are read from, and printing them. */
public final class SettingsOptions {

    @Option(names = Settings.CONFIG_OPTION, paramLabel = "FILE",
            description = "A configuration file (properties: option names without their dashes as keys, e.g. "
                    + "pool-size = 20); the command line and the environment variables override it. The reference "
                    + "file in docs/ lists every setting with its default.")
    Path config;

    @Option(names = "--print-config",
            description = "Print every setting's effective value and where it came from (command line, environment, "
                    + "configuration file, default), as a configuration file, and stop.")
    boolean printConfig;

    /** Whether the command is only to print its settings. */
    public boolean printOnly() {
        return printConfig;
    }
}
