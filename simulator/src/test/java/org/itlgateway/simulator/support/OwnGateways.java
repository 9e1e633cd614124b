package org.itlgateway.simulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.node.RegistryGateway;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.simulator.network.Network;

/**
 * A registry gateway run on its own beside the simulated network, as an operator would run {@code ./itl-registry}:
 * its certificate from the network's CA kept in a directory, its own schema, the network's ITL.
 */
public final class OwnGateways {

    private OwnGateways() {
    }

    /** Creates the network's CA in {@code pki} and issues the registry's certificate from it, with the PKI tool. */
    public static void issueCertificate(Path pki, String code) {
        if (PkiTool.run("init-ca", "--dir", pki.toString()) != 0 || PkiTool.run("issue", "--dir", pki.toString(), code) != 0) {
            throw new IllegalStateException("the PKI tool failed for " + code);
        }
    }

    /** An address on a free port for the registry's RegistryService. */
    public static String freeRegistryAddress() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/registry";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the registry's gateway at {@code address}, on the network's clock, database server and ITL. */
    public static RegistryGateway start(Network network, Path pki, String code, String address, List<Project> projects) {
        SigningSettings signing = new SigningSettings(
                PkiFiles.readCredential(pki.resolve(code + ".crt.pem"), pki.resolve(code + ".key.pem")),
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl())));
        return RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of(code), address, network.addressOf("ITL"),
                signing, network.databaseServer().withSchema(code.toLowerCase(java.util.Locale.ROOT) + "_gateway"),
                "127.0.0.1", 0, Duration.ofSeconds(5), Duration.ofHours(24), false, projects, null, null), network.clock());
    }

    /** Runs the network and the gateway until neither has anything left to do. */
    public static void settle(Network network, RegistryGateway gateway) {
        int rounds = 0;
        int work;
        do {
            work = network.settle() + gateway.runOnce();
        } while (work > 0 && ++rounds < 50);
    }
}
