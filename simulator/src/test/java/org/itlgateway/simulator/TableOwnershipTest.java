package org.itlgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module's SQL names only the tables its own migrations create: the gateway its inbox, outbox and
 * reconciliation records, the simulator its journal and reconciliations. The domain's tables (accounts,
 * transactions, holdings…) are reached through registry-core's store interfaces ({@code core.store.Repositories}),
 * never by another module's SQL. The benchmarks, which fill a database with a million held blocks in one statement,
 * are the one exception. PostgreSQL's own catalogue ({@code pg_*}) may be read.
 */
class TableOwnershipTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A literal that starts a statement, or continues one (a clause after a space, as concatenated SQL does). */
    private static final Pattern SQL = Pattern.compile(
            "^\\s*(select|insert|update|delete|with)\\b|^\\s+(from|where|join|and|order|returning|on conflict)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A table named after from, into or join (not a function such as unnest), or updated. */
    private static final Pattern TABLE = Pattern.compile(
            "(?<!epoch )\\b(?:from|into|join)\\s+([a-z_][a-z0-9_]*)\\b(?!\\s*\\()|\\bupdate\\s+([a-z_][a-z0-9_]*)\\s+set\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void theGatewaysSqlNamesOnlyTheGatewaysOwnTables() {
        Set<String> own = created(ROOT.resolve("gateway/src/main/resources/db/gateway"));
        Map<String, Set<String>> named = tablesNamedIn(ROOT.resolve("gateway/src/main/java"));
        assertFalse(named.isEmpty(), "the gateway's SQL was found");
        assertEquals(Map.of(), foreign(named, own), "tables of others named by the gateway's SQL, and where");
    }

    @Test
    void theSimulatorsSqlNamesOnlyTheSimulatorsOwnTables() {
        Set<String> own = created(ROOT.resolve("simulator/src/main/resources/db"));
        Map<String, Set<String>> named = tablesNamedIn(ROOT.resolve("simulator/src/main/java"));
        named.values().forEach(files -> files.removeIf(file -> file.contains("/bench/")));
        named.values().removeIf(Set::isEmpty);
        assertFalse(named.isEmpty(), "the simulator's SQL was found");
        assertEquals(Map.of(), foreign(named, own), "tables of others named by the simulator's SQL, and where");
    }

    private static Map<String, Set<String>> foreign(Map<String, Set<String>> named, Set<String> own) {
        Map<String, Set<String>> foreign = new TreeMap<>(named);
        foreign.keySet().removeIf(table -> own.contains(table) || table.startsWith("pg_"));
        return foreign;
    }

    private static Set<String> created(Path migrations) {
        Set<String> tables = new TreeSet<>();
        for (Path file : files(migrations, ".sql")) {
            Matcher created = CREATED.matcher(read(file));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** Every table the SQL literals of the sources under {@code sources} name, with the files that name it. */
    private static Map<String, Set<String>> tablesNamedIn(Path sources) {
        Map<String, Set<String>> named = new TreeMap<>();
        for (Path file : files(sources, ".java")) {
            Matcher literal = LITERAL.matcher(read(file));
            while (literal.find()) {
                String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                if (!SQL.matcher(text).find()) {
                    continue;
                }
                Matcher table = TABLE.matcher(text);
                while (table.find()) {
                    String name = (table.group(1) != null ? table.group(1) : table.group(2)).toLowerCase(Locale.ROOT);
                    named.computeIfAbsent(name, n -> new TreeSet<>()).add(ROOT.relativize(file).toString());
                }
            }
        }
        return named;
    }

    private static Set<Path> files(Path directory, String suffix) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
