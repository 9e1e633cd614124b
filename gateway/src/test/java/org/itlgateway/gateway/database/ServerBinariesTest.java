package org.itlgateway.gateway.database;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/**
 * The gateway runs on Linux and macOS, on x86-64 and ARM: the class path carries the embedded server's binaries for
 * each, under the resource names zonky looks up for the running platform ({@code postgres-<os>-<arch>.txz}).
 */
class ServerBinariesTest {

    /** The archives of the four platforms, as zonky names them. */
    static final List<String> ARCHIVES = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");

    @Test
    void theServerBinariesForLinuxAndMacOsOnX8664AndArmAreOnTheClassPath() {
        ClassLoader loader = EmbeddedServer.class.getClassLoader();
        assertAll(ARCHIVES.stream().map(archive -> (Executable) () ->
                assertNotNull(loader.getResource(archive), archive + " is missing from the class path")));
    }
}
