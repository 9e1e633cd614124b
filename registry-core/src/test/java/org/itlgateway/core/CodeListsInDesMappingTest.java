package org.itlgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/des-mapping.md, section 4, lists in the "Ours" column of each code list every value this code knows, and no
 * other: the tables cannot fall behind the code lists (a value added, renumbered or removed in the code fails here
 * until its row says so).
 */
class CodeListsInDesMappingTest {

    static Stream<Arguments> codeLists() {
        return Stream.of(
                Arguments.of("### 4.1 Transaction types and supplementary types", Arrays.stream(SupplementaryType.values())
                        .map(kind -> kind.transactionType().code() + "-" + kind.code()).toList()),
                Arguments.of("### 4.2 Transaction status", codes(TransactionStatus.values())),
                Arguments.of("### 4.3 Notice type", codes(NoticeType.values())),
                Arguments.of("### 4.4 Notice status", codes(NoticeStatus.values())),
                Arguments.of("### 4.5 Account types", codes(AccountType.values())),
                Arguments.of("### 4.6 Unit types", codes(UnitType.values())),
                Arguments.of("### 4.7 Commitment periods", codes(CommitmentPeriod.values())),
                Arguments.of("### 4.8 LULUCF activities", codes(LulucfActivity.values())),
                Arguments.of("### 4.9 JI tracks", codes(Track.values())),
                Arguments.of("### 4.10 Reconciliation status", codes(ReconciliationStatus.values())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codeLists")
    void theMappingTableListsEveryValueOfTheCodeListAndNoOther(String section, List<String> known) throws IOException {
        assertEquals(new TreeSet<>(known), oursIn(section));
    }

    private static List<String> codes(CodedValue[] values) {
        return Arrays.stream(values).map(value -> Integer.toString(value.code())).toList();
    }

    /** The values of the "Ours" column (the third) of the first table under the heading that starts so. */
    private static Set<String> oursIn(String heading) throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve("docs/des-mapping.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new AssertionError("docs/des-mapping.md has no section " + heading);
        }
        Set<String> listed = new TreeSet<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("### ") || inTable && !line.startsWith("|")) {
                break;
            }
            if (!line.startsWith("| ") || line.startsWith("| DES value") || line.startsWith("|---")) {
                continue;
            }
            inTable = true;
            String ours = line.split("\\|")[3].trim();
            if (!ours.equals("—")) {
                listed.addAll(Arrays.stream(ours.split(",")).map(String::trim).collect(Collectors.toList()));
            }
        }
        return listed;
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
