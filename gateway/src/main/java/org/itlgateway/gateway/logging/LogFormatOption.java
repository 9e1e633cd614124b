package org.itlgateway.gateway.logging;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --log-format} option of the commands (also {@code ITL_LOG_FORMAT}), and putting it to use. */
public final class LogFormatOption {

    @Option(names = "--log-format", defaultValue = "${env:ITL_LOG_FORMAT:-text}",
            description = "How it logs on stderr: text lines, or json (one JSON object a line) (default: ${DEFAULT-VALUE}).")
    String logFormat;

    /**
     * Logs from now on in the format asked, configured by the files beside {@code command}; a format other than text
     * or json is a usage error.
     */
    public void apply(CommandSpec spec, Class<?> command) {
        LogFormat.Format format;
        try {
            format = LogFormat.Format.named(logFormat);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--log-format is text or json, not " + logFormat);
        }
        LogFormat.use(format, command);
    }
}
