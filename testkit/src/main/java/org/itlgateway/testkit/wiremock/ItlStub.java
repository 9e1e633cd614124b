package org.itlgateway.testkit.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.PkiFiles;

/**
 * The ITL's TransactionLogService as a WireMock server, for unit-testing a registry's client without the network:
 * every operation is matched by its SOAPAction (the mappings in {@code itl-stubs/*.json}) and answered by
 * {@link SignedItlReceipts}, signed with the credential given. Any path serves, e.g. {@code baseUrl() + "/itl"}.
 * The caller stops the server.
 */
public final class ItlStub {

    /** Where the ready stub mappings are, on the class path: one per operation, and one for any other request. */
    public static final String MAPPINGS = "itl-stubs/";

    private ItlStub() {
    }

    /** Starts the stub on a free port, answering as {@code credential}, trusting signers of {@code caCertificate}. */
    public static WireMockServer start(Credential credential, X509Certificate caCertificate) {
        return start(credential, caCertificate, options().dynamicPort());
    }

    /** The same, with WireMock options of your own (a fixed port, HTTPS, ...). */
    public static WireMockServer start(Credential credential, X509Certificate caCertificate, WireMockConfiguration options) {
        WireMockServer server = new WireMockServer(options.extensions(new SignedItlReceipts(credential, caCertificate)));
        server.start();
        for (StubMapping mapping : mappings()) {
            server.addStubMapping(mapping);
        }
        return server;
    }

    /**
     * The same from the PKI tool's files: the ITL's certificate and private key (PEM, e.g. {@code my-pki/ITL.crt.pem}
     * and {@code ITL.key.pem}) and the CA's certificate ({@code my-pki/ca.crt.pem}).
     */
    public static WireMockServer start(Path certificatePem, Path privateKeyPem, Path caCertificatePem) {
        return start(PkiFiles.readCredential(certificatePem, privateKeyPem),
                PkiFiles.readCertificates(caCertificatePem).get(0));
    }

    /** The ready stub mappings, read afresh (each call gives new objects, with new ids). */
    public static List<StubMapping> mappings() {
        List<String> names = new ArrayList<>(ItlResponder.OPERATIONS);
        names.add("any-other-request");
        List<StubMapping> mappings = new ArrayList<>();
        for (String name : names) {
            mappings.add(StubMapping.buildFrom(resource(MAPPINGS + name + ".json")));
        }
        return mappings;
    }

    private static String resource(String name) {
        try (InputStream in = ItlStub.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the stub mapping " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
