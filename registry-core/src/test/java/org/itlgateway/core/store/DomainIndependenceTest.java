package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain knows nothing of how it is stored: no import of the store, Hibernate, JPA or JDBC outside store. */
class DomainIndependenceTest {

    private static final Path MAIN = Path.of("src/main/java/org/itlgateway/core");
    private static final Pattern STORAGE_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(org\\.itlgateway\\.core\\.store|org\\.hibernate|jakarta\\.persistence|java\\.sql|javax\\.sql"
                    + "|com\\.zaxxer|org\\.flywaydb|io\\.zonky|org\\.postgresql)\\b.*", Pattern.MULTILINE);

    @Test
    void domainPackagesImportNothingFromTheStore() {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !MAIN.relativize(f).startsWith("store"))
                    .filter(DomainIndependenceTest::importsStorage)
                    .map(f -> MAIN.relativize(f).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsStorage(Path file) {
        try {
            return STORAGE_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
