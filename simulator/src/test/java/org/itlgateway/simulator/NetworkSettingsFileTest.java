package org.itlgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.itlgateway.gateway.app.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The network's settings read from a configuration file under the command line, and its reference file in docs/. */
class NetworkSettingsFileTest {

    /** Rewrites docs/itl-network.conf from the command's options: {@code -Dconfig.write=true}. */
    static final String WRITE = "config.write";

    @TempDir
    Path directory;

    @Test
    void theFilesSettingsAreTakenAndTheCommandLineOverridesThem() throws IOException {
        Path file = directory.resolve("network.conf");
        Files.writeString(file, "port = 9080\ncontrol-port = 9090\nstart = 2016-09-01T09:00:00Z\n", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = NetworkMain.run(Map.of(), new PrintWriter(out), new PrintWriter(err),
                "--config", file.toString(), "--print-config", "--control-port", "9191");

        assertEquals(0, exit, err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("# configuration file\nport = 9080\n"), printed);
        assertTrue(printed.contains("# command line\ncontrol-port = 9191\n"), printed);
        assertTrue(printed.contains("# configuration file\nstart = 2016-09-01T09:00:00Z\n"), printed);
        assertTrue(printed.contains("# default\nfault-seed = 0\n"), printed);
    }

    @Test
    void aKeyNoSettingHasIsRefusedByName() throws IOException {
        Path file = directory.resolve("network.conf");
        Files.writeString(file, "control-prot = 9090\n", StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();

        int exit = NetworkMain.run(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--config", file.toString(), "--print-config");

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("names settings itl-network does not have: control-prot"), err.toString());
    }

    @Test
    void theReferenceFileInDocsListsEverySettingWithItsDefault() throws IOException {
        String reference = Settings.reference(new CommandLine(new NetworkMain()).getCommandSpec(),
                NetworkMain.REFERENCE_INTRODUCTION);
        Path kept = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("itl-network.conf");
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(kept, reference, StandardCharsets.UTF_8);
        }
        assertEquals(reference, Files.readString(kept, StandardCharsets.UTF_8),
                "docs/itl-network.conf is out of date: mvn -B -ntp test -pl simulator -Dtest=NetworkSettingsFileTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true");
    }
}
