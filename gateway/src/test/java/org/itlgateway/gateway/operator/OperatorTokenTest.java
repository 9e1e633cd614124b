package org.itlgateway.gateway.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator token a registry gateway generates when it is given none. */
class OperatorTokenTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartGeneratesATokenForItsOwnerOnlyAndTheNextStartReadsItBack() throws Exception {
        Path file = dir.resolve("operator-token");

        OperatorToken first = OperatorToken.storedIn(file);
        assertTrue(first.created());
        assertEquals(OperatorToken.BYTES, Base64.getUrlDecoder().decode(first.value()).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.value(), Files.readString(file).strip());
        assertFalse(first.toString().contains(first.value()), "the token is never printed");

        OperatorToken again = OperatorToken.storedIn(file);
        assertFalse(again.created());
        assertEquals(first.value(), again.value());
        assertNotEquals(first.value(), OperatorToken.storedIn(dir.resolve("another")).value());
    }

    @Test
    void aSymbolicLinkAtTheTokenPathIsNeitherReadNorWritten() throws Exception {
        Path target = dir.resolve("elsewhere");
        Path link = dir.resolve("operator-token");
        Files.createSymbolicLink(link, target);

        assertThrows(IllegalStateException.class, () -> OperatorToken.storedIn(link));
        assertFalse(Files.exists(target));

        Files.writeString(target, "planted");
        assertThrows(IllegalStateException.class, () -> OperatorToken.storedIn(link));
    }
}
