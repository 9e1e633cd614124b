package org.itlgateway.simulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.TlsSettings;
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

    /** A profile for New Zealand as an external registry at {@code address}, with its entity account 77. */
    public static void writeNewZealandProfile(Path profiles, String address) {
        try {
            java.nio.file.Files.writeString(profiles.resolve("nz.json"), """
                    { "code": "NZ", "name": "New Zealand registry", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                      "address": "%s",
                      "accounts": [ { "type": 120, "identifier": 77, "period": 0, "holder": "Kiwi holder" } ] }
                    """.formatted(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens New Zealand's account 77 through the gateway's operator API. */
    public static void openNewZealandAccount(RegistryGateway gateway) {
        OperatorClient.Answer opened = operator(gateway)
                .post("/accounts", "{\"type\":120,\"identifier\":77,\"period\":0,\"holder\":\"Kiwi holder\"}");
        if (opened.status() != 201 || !"NZ-120-77-0".equals(opened.json().path("ref").asText())) {
            throw new IllegalStateException("account 77 not opened: " + opened);
        }
    }

    /** The bearer token of every gateway these tests start. */
    public static final String OPERATOR_TOKEN = "own-gateway-operator-token";

    /** A client of the gateway's operator API, with its token. */
    public static OperatorClient operator(RegistryGateway gateway) {
        return new OperatorClient(gateway.operatorAddress(), OPERATOR_TOKEN);
    }

    /** An address on a free port for the registry's RegistryService. */
    public static String freeRegistryAddress() {
        return freeRegistryAddress("http");
    }

    /** The same with the given scheme (https for mutual TLS). */
    public static String freeRegistryAddress(String scheme) {
        return scheme + "://127.0.0.1:" + FreePorts.next() + "/registry";
    }

    /** Starts the registry's gateway at {@code address}, on the network's clock, database server and ITL. */
    public static RegistryGateway start(Network network, Path pki, String code, String address, List<Project> projects) {
        return start(network, pki, code, address, projects, null, false);
    }

    /**
     * Starts an EU registry's gateway (as {@code --eu-member --citl}): its transactions wait for the CITL's checks, and it
     * answers the CITL's reconciliations at the CITL.
     */
    public static RegistryGateway startEuMember(Network network, Path pki, String code, String address) {
        return start(network, pki, code, address, List.of(), null, true);
    }

    /** The same over mutual TLS, with the TLS certificate the PKI tool issued ({@code issue --tls-host}). */
    public static RegistryGateway startOverTls(Network network, Path pki, String code, String address) {
        if (PkiTool.run("issue", "--dir", pki.toString(), code, "--tls-host", "localhost") != 0) {
            throw new IllegalStateException("the PKI tool failed for " + code);
        }
        TlsSettings tls = new TlsSettings(PkiFiles.readPkcs12(pki.resolve(code + ".tls.p12"), password(pki.resolve(code + ".tls.p12.password"))),
                network.ca().certificate());
        return start(network, pki, code, address, List.of(), tls, false);
    }

    private static RegistryGateway start(Network network, Path pki, String code, String address, List<Project> projects,
                                         TlsSettings tls, boolean euMember) {
        SigningSettings signing = new SigningSettings(
                PkiFiles.readCredential(pki.resolve(code + ".crt.pem"), pki.resolve(code + ".key.pem")),
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl())));
        return RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of(code), address, network.addressOf("ITL"),
                signing, network.databaseServer().withSchema(code.toLowerCase(java.util.Locale.ROOT) + "_gateway"),
                "127.0.0.1", 0, Duration.ofSeconds(5), Duration.ofHours(24), euMember, projects, tls, OPERATOR_TOKEN)
                .withSupplementaryLog(euMember ? network.addressOf("CITL") : null), network.clock());
    }

    /** The password the PKI tool generated for a PKCS#12 file. */
    private static char[] password(Path file) {
        try {
            return java.nio.file.Files.readString(file).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
