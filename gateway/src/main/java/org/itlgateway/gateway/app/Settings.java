package org.itlgateway.gateway.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a command's settings come from, in order: the command line, then the environment variable each option names
 * ({@code ITL_REGISTRY_POOL_SIZE} ...), then the configuration file given by {@code --config} (or by the command's
 * own variable, {@code ITL_REGISTRY_CONFIG}), then the built-in default. The file is a Java properties file: each key
 * an option's long name without its dashes ({@code pool-size = 20}), {@code #} comments, a list separated by commas;
 * a key no option has is refused, naming it. Installed on a command as its default provider, so every option of the
 * command reads the file, including options added later.
 */
public final class Settings implements CommandLine.IDefaultValueProvider {

    /** The name of the option that gives the file. */
    public static final String CONFIG_OPTION = "--config";
    /** The options that are about settings, not settings themselves. */
    private static final Set<String> NOT_SETTINGS = Set.of("--help", "--version", CONFIG_OPTION, "--print-config");
    /** What picocli's annotation holds when no default is declared. */
    private static final String NO_DEFAULT = "__no_default_value__";
    private static final Pattern ENVIRONMENT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

    private final Path file;
    private final Properties values;
    private final Map<String, String> environment;

    private Settings(Path file, Properties values, Map<String, String> environment) {
        this.file = file;
        this.values = values;
        this.environment = environment;
    }

    /**
     * The settings of a command run with {@code args}: the file {@code --config} names there, or the one its
     * environment variable names, or none.
     */
    public static Settings of(String[] args, String configVariable, Map<String, String> environment) {
        Optional<String> named = configArgument(args);
        if (named.isEmpty() && environment.get(configVariable) != null && !environment.get(configVariable).isBlank()) {
            named = Optional.of(environment.get(configVariable));
        }
        if (named.isEmpty()) {
            return new Settings(null, new Properties(), environment);
        }
        Path path = Path.of(named.get());
        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            read.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the configuration file " + path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration file " + path + " cannot be read", e);
        }
        Properties trimmed = new Properties();
        read.stringPropertyNames().forEach(key -> trimmed.setProperty(key.trim(),
                read.getProperty(key).trim().replaceAll("\\s*,\\s*", ",")));
        return new Settings(path, trimmed, environment);
    }

    /** Installs these settings on {@code command} and checks that the file names no setting the command lacks. */
    public Settings installOn(CommandLine command) {
        List<String> unknown = new ArrayList<>();
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            OptionSpec option = command.getCommandSpec().findOption("--" + key);
            if (option == null || NOT_SETTINGS.contains(option.longestName())) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the configuration file " + file + " names settings " + command.getCommandName()
                    + " does not have: " + String.join(", ", unknown) + " (--print-config lists them all)");
        }
        command.setDefaultValueProvider(this);
        return this;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec)) {
            return null;
        }
        OptionSpec option = (OptionSpec) argument;
        String key = key(option);
        if (!values.containsKey(key) || environmentVariableOf(option).map(environment::get).isPresent()) {
            return null; // the environment, then the annotation's default, decide
        }
        return values.getProperty(key);
    }

    /** Where an option's value came from in the parse {@code result}. */
    public Source sourceOf(OptionSpec option, CommandLine.ParseResult result) {
        if (result.hasMatchedOption(option)) {
            return Source.COMMAND_LINE;
        }
        if (environmentVariableOf(option).map(environment::get).isPresent()) {
            return Source.ENVIRONMENT;
        }
        return values.containsKey(key(option)) ? Source.FILE : Source.DEFAULT;
    }

    /** Where a value came from. */
    public enum Source {
        COMMAND_LINE("command line"), ENVIRONMENT("environment"), FILE("configuration file"), DEFAULT("default");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * {@code --print-config}: every setting of the parsed command with its effective value and where it came from, as
     * a configuration file (so the output can be edited and given back with {@code --config}); secrets are masked.
     */
    public void print(CommandSpec spec, PrintWriter out) {
        CommandLine.ParseResult result = spec.commandLine().getParseResult();
        out.println("# The effective settings of " + spec.name() + (file == null ? "" : ", read with " + file)
                + ": the command line, then the environment, then the configuration file, then the defaults.");
        for (OptionSpec option : settingsOf(spec)) {
            Source source = sourceOf(option, result);
            String variable = environmentVariableOf(option).map(name -> " (" + name + ")").orElse("");
            out.println("# " + source + (source == Source.ENVIRONMENT ? variable : ""));
            Object value = option.getValue();
            out.println(key(option) + " = " + (value != null && isSecret(option) ? "********" : text(value)));
        }
        out.flush();
    }

    /**
     * The reference configuration of a command: every setting with its description, its environment variable and its
     * default, commented out, so that a copy of it is a file to start from.
     */
    public static String reference(CommandSpec spec, String introduction) {
        StringBuilder text = new StringBuilder();
        for (String line : introduction.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        for (OptionSpec option : settingsOf(spec)) {
            text.append('\n');
            for (String line : wrap(String.join(" ", option.description()).replace("${DEFAULT-VALUE}",
                    String.valueOf(defaultOf(option))), 110)) {
                text.append("# ").append(line).append('\n');
            }
            environmentVariableOf(option).ifPresent(name -> text.append("# environment: ").append(name).append('\n'));
            String fallback = defaultOf(option);
            text.append(fallback == null || fallback.isEmpty() ? "#" + key(option) + " =\n"
                    : "#" + key(option) + " = " + fallback + "\n");
        }
        return text.toString();
    }

    /** The options of a command that are settings, in the order they are declared. */
    static List<OptionSpec> settingsOf(CommandSpec spec) {
        List<OptionSpec> settings = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!NOT_SETTINGS.contains(option.longestName()) && !option.usageHelp() && !option.versionHelp()) {
                settings.add(option);
            }
        }
        return settings;
    }

    private static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    private static Optional<String> environmentVariableOf(OptionSpec option) {
        String declared = declaredDefault(option);
        if (declared == null) {
            return Optional.empty();
        }
        Matcher matcher = ENVIRONMENT.matcher(declared);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The built-in default: what the annotation gives when its environment variable is not set. */
    private static String defaultOf(OptionSpec option) {
        String declared = declaredDefault(option);
        if (declared == null) {
            return null;
        }
        Matcher withFallback = Pattern.compile("^\\$\\{env:[A-Za-z0-9_]+(?::-(.*))?}$").matcher(declared);
        if (withFallback.matches()) {
            return withFallback.group(1);
        }
        return declared;
    }

    /** The default as the option's annotation declares it, before any variable in it is replaced. */
    private static String declaredDefault(OptionSpec option) {
        Object member = option.userObject();
        if (!(member instanceof AnnotatedElement)) {
            return null;
        }
        CommandLine.Option annotation = ((AnnotatedElement) member).getAnnotation(CommandLine.Option.class);
        if (annotation == null || NO_DEFAULT.equals(annotation.defaultValue())) {
            return null;
        }
        return annotation.defaultValue();
    }

    private static boolean isSecret(OptionSpec option) {
        String name = option.longestName().toLowerCase(Locale.ROOT);
        return name.endsWith("password") || name.endsWith("-token");
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?>) {
            List<String> items = new ArrayList<>();
            ((Collection<?>) value).forEach(item -> items.add(String.valueOf(item)));
            return String.join(",", items);
        }
        if (value instanceof char[]) {
            return new String((char[]) value);
        }
        return String.valueOf(value);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Optional<String> configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith(CONFIG_OPTION + "=")) {
                return Optional.of(args[i].substring(CONFIG_OPTION.length() + 1));
            }
            if (args[i].equals("--")) {
                break;
            }
        }
        return Optional.empty();
    }
}
