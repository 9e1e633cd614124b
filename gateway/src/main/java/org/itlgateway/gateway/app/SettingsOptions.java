package org.itlgateway.gateway.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options about a command's settings (the file they are read from, printing them) and how a command runs with
 * them: {@link #execute} reads the file the arguments or the environment name before picocli parses, so that every
 * option of the command takes its default from it.
 */
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

    /** Where the settings came from, once {@link #execute} has read them. */
    private Settings settings;

    /**
     * Runs {@code command}, whose {@code options} these are, with {@code args}: its settings read from the file
     * {@code --config} or the environment variable {@code configVariable} names; a file that cannot be read, or that
     * names a setting the command lacks, is a usage error (2) saying why.
     */
    public static int execute(CommandLine command, SettingsOptions options, String configVariable,
                              Map<String, String> environment, String... args) {
        try {
            options.settings = Settings.of(args, configVariable, environment).installOn(command);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            command.getErr().println(command.getCommandName() + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        return command.execute(args);
    }

    /**
     * With {@code --print-config}: prints the command's effective settings and answers true (the command then stops);
     * otherwise answers false.
     */
    public boolean printed(CommandSpec spec) {
        if (!printConfig) {
            return false;
        }
        Settings read = settings != null ? settings : Settings.of(new String[0], "", Map.of());
        read.print(spec, spec.commandLine().getOut());
        return true;
    }

    /**
     * Refuses, as a usage error naming the option, a setting of the command that is a duration (or a list of them)
     * and is zero or negative.
     */
    public static void requirePositiveDurations(CommandSpec spec) {
        for (OptionSpec option : Settings.settingsOf(spec)) {
            Object value = option.getValue();
            List<?> durations = value instanceof Collection<?> ? List.copyOf((Collection<?>) value)
                    : value == null ? List.of() : List.of(value);
            for (Object each : durations) {
                if (each instanceof Duration && (((Duration) each).isNegative() || ((Duration) each).isZero())) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option.longestName()
                            + " must be positive, not " + each);
                }
            }
        }
    }

    /** Refuses, as a usage error naming {@code option}, a {@code value} below {@code least}. */
    public static void requireAtLeast(CommandSpec spec, String option, long value, long least) {
        if (value < least) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " is at least " + least + ", not "
                    + value);
        }
    }
}
