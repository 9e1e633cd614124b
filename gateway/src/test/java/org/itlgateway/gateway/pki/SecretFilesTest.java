package org.itlgateway.gateway.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PKI tool's secrets (private keys, key stores, their passwords) are written for their owner only, never
 * through a link planted at their path, never under a password everyone knows, and never outside the CA directory.
 */
class SecretFilesTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    @Test
    void keysKeyStoresAndGeneratedPasswordsAreReadableByTheirOwnerOnly() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", dir.toString(), "CDM"));
        for (String file : new String[] {"ca.key.pem", "CDM.key.pem", "CDM.p12", "CDM.p12.password"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))), file);
        }
        try (var leftovers = Files.list(dir)) {
            assertTrue(leftovers.noneMatch(file -> file.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void aSymbolicLinkPlantedAtTheKeyPathIsNotFollowed() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        Path stolen = elsewhere.resolve("stolen.pem");
        Files.createSymbolicLink(dir.resolve("NZ.key.pem"), stolen);

        assertNotEquals(0, PkiTool.run("issue", "--dir", dir.toString(), "NZ"));

        assertFalse(Files.exists(stolen), "nothing was written where the link points");
        assertTrue(Files.isSymbolicLink(dir.resolve("NZ.key.pem")));
    }

    @Test
    void aFileLinkedAtTheKeyPathIsReplacedNeverWrittenInto() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        Path watched = dir.resolve("watched");
        Files.writeString(watched, "");
        Files.setPosixFilePermissions(watched, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createLink(dir.resolve("NZ.key.pem"), watched);

        assertEquals(0, PkiTool.run("issue", "--dir", dir.toString(), "NZ"));

        assertEquals("", Files.readString(watched), "the key never went into the other name's file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("NZ.key.pem"))));
        assertTrue(Files.readString(dir.resolve("NZ.key.pem")).contains("PRIVATE KEY"));
    }

    @Test
    void withoutAPasswordTheKeyStoreGetsAGeneratedOneWrittenBesideIt() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", dir.toString(), "NZ", "--tls-host", "nz-gw"));

        String password = Files.readString(dir.resolve("NZ.tls.p12.password")).strip();
        assertTrue(password.length() >= 24, password);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("NZ.tls.p12"))) {
            store.load(in, password.toCharArray());
        }
        assertTrue(store.isKeyEntry("nz"));
        KeyStore guessed = KeyStore.getInstance("PKCS12");
        assertThrows(java.io.IOException.class, () -> {
            try (InputStream in = Files.newInputStream(dir.resolve("NZ.tls.p12"))) {
                guessed.load(in, "changeit".toCharArray());
            }
        });
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        assertEquals(2, PkiTool.run("issue", "--dir", dir.toString(), "NZ", "--password", ""));
        assertFalse(Files.exists(dir.resolve("NZ.p12")));
    }

    @Test
    void aCodeThatWouldLeaveTheCaDirectoryIsRefusedByEveryCommand() throws Exception {
        Path other = dir.resolve("other");
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        assertEquals(0, PkiTool.run("init-ca", "--dir", other.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", other.toString(), "NZ"));
        Path ca = dir.resolve("ca");
        assertEquals(0, PkiTool.run("init-ca", "--dir", ca.toString()));

        assertEquals(2, PkiTool.run("revoke", "--dir", ca.toString(), "../other/NZ"));
        assertEquals(2, PkiTool.run("issue", "--dir", ca.toString(), "../x"));

        assertEquals("", Files.readString(ca.resolve("revoked.txt")), "nothing was revoked");
        assertFalse(Files.exists(dir.resolve("x.key.pem")));
        assertTrue(NodeCodes.isNodeCode("CITL") && NodeCodes.isNodeCode("CDM") && NodeCodes.isNodeCode("NZ"));
        assertFalse(NodeCodes.isNodeCode("nz") || NodeCodes.isNodeCode("NZ/..") || NodeCodes.isNodeCode(""));
    }
}
