package org.itlgateway.core.check.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itlgateway.core.result.ResponseCode;
import org.junit.jupiter.api.Test;

/** docs/response-codes.md is generated from ResponseCode and the catalogues; it must be regenerated when they change. */
class ResponseCodeTableIsCurrentTest {

    @Test
    void committedTableIsTheOneTheCodeRenders() throws IOException {
        Path committed = repositoryRoot().resolve(ResponseCodeTable.DEFAULT_PATH);
        if (!Files.exists(committed)) {
            fail(committed + " is missing; generate it from the repository root with: " + ResponseCodeTable.REGENERATE);
        }
        List<String> expected = ResponseCodeTable.render().lines().toList();
        List<String> actual = Files.readString(committed, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(end of file)";
            String have = i < actual.size() ? actual.get(i) : "(end of file)";
            if (!want.equals(have)) {
                fail(ResponseCodeTable.DEFAULT_PATH + " is out of date (line " + (i + 1) + ": expected '" + want
                        + "' but found '" + have + "'); regenerate it from the repository root with: "
                        + ResponseCodeTable.REGENERATE);
            }
        }
    }

    @Test
    void everyCodeHasOneRowAndARuleOrModuleThatDecidesIt() {
        String table = ResponseCodeTable.render();
        for (ResponseCode code : ResponseCode.values()) {
            long rows = table.lines().filter(line -> line.startsWith("| " + code.code() + " |")).count();
            assertEquals(1, rows, code.toString());
        }
        assertFalse(table.contains("not decided yet"), "a rule code is decided nowhere");
    }

    /** The directory holding the parent pom and the registry-core module (surefire runs in registry-core/). */
    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.exists(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("registry-core"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
