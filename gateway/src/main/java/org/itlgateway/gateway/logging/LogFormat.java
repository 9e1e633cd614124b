package org.itlgateway.gateway.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * How our commands log: plain text lines (the default) or one JSON object a line (logback's {@code JsonEncoder}:
 * timestamp, level, thread, logger, the message and its key-value pairs, such as the transaction of the line a
 * message received or sent leaves), both on stderr. Each command keeps its two configurations beside its main class,
 * {@code logback-text.xml} and {@code logback-json.xml}. An operator's own {@code -Dlogback.configurationFile} is
 * kept, and nothing is changed when SLF4J logs through another provider (an application embedding the gateway).
 */
public final class LogFormat {

    /** The formats a command takes with {@code --log-format} or {@code ITL_LOG_FORMAT}. */
    public enum Format {
        TEXT, JSON;

        /** {@code text} or {@code json}, in any case. */
        public static Format named(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                    return format;
                }
            }
            throw new IllegalArgumentException("the log format is text or json, not " + name);
        }
    }

    private LogFormat() {
    }

    /**
     * Logs from now on as plain text lines at the levels of the tools that are no command of their own (the PKI tool,
     * verify-archive, export-archive, the benchmarks): their {@code main} calls it first, since logback's own default
     * would print every library's debug lines.
     */
    public static void useText() {
        use(Format.TEXT, LogFormat.class);
    }

    /**
     * Logs from now on in {@code format}, configured by the {@code logback-text.xml} or {@code logback-json.xml} beside
     * {@code command} (its main class).
     */
    public static void use(Format format, Class<?> command) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        String name = "logback-" + format.name().toLowerCase(Locale.ROOT) + ".xml";
        URL configuration = command.getResource(name);
        if (configuration == null) {
            throw new IllegalStateException(name + " is not beside " + command.getName());
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("the logging configuration " + configuration + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
