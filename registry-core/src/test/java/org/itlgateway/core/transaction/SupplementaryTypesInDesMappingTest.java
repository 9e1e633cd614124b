package org.itlgateway.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/des-mapping.md, section 4.1, lists in its "Ours" column every pair of transaction type and supplementary type
 * this code knows, and no other: the table cannot fall behind the code list.
 */
class SupplementaryTypesInDesMappingTest {

    @Test
    void theMappingTableListsEveryPairThisCodeKnowsAndNoOther() throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve("docs/des-mapping.md"));
        int start = lines.indexOf("### 4.1 Transaction types and supplementary types");
        Set<String> listed = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("### ")) {
                break;
            }
            if (!line.startsWith("| ") || line.startsWith("| DES value") || line.startsWith("|---")) {
                continue;
            }
            String ours = line.split("\\|")[3].trim();
            if (!ours.equals("—")) {
                listed.addAll(Arrays.stream(ours.split(",")).map(String::trim).toList());
            }
        }
        Set<String> known = Arrays.stream(SupplementaryType.values())
                .map(kind -> kind.transactionType().code() + "-" + kind.code())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(known, listed);
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("docs/des-mapping.md"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no docs/des-mapping.md above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
