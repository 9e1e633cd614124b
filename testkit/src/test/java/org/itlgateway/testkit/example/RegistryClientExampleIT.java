package org.itlgateway.testkit.example;

import static org.itlgateway.testkit.junit.ItlNetwork.Expected.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesTransactionStatusReceipt;
import org.itlgateway.testkit.junit.ItlNetwork;
import org.itlgateway.testkit.junit.ItlNetworkTest;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/testing.md: a registry's client (here the gateway's own SOAP client, signing as NO with a
 * certificate from the network's CA) tested against the ITL of a network started for the test, NO being known to
 * the network by its profile in {@code src/test/resources/peers}.
 */
@ItlNetworkTest(start = "2016-09-01T09:00:00Z", profiles = "src/test/resources/peers")
class RegistryClientExampleIT {

    @Test
    void theItlAnswersAStatusQueryAboutATransactionItDoesNotKnowWith3003(ItlNetwork network) throws Exception {
        TransactionLogPortType itl = clientOf("NO", network);

        DesTransactionStatusReceipt answer = itl.getTransactionStatus(Wire.LOG_GET_TRANSACTION_STATUS.element(
                new Envelope("NO", "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), "NO12345"));
        ((Closeable) itl).close();

        assertEquals(List.of(3003), answer.getResponseCodes().getResponseCode());
        assertTrue(network.journal().verify(received("ITL").peer("NO").operation("getTransactionStatus").times(1))
                .verified(), "the ITL's journal shows the one query NO sent");
    }

    /** The ITL's client signing as {@code code}, with a certificate the network's CA issues for it. */
    private static TransactionLogPortType clientOf(String code, ItlNetwork network) throws Exception {
        ItlNetwork.Certificate issued = network.certificates().issue(code);
        X509Certificate certificate = certificate(issued.certificatePem());
        X509Certificate ca = certificate(issued.caCertificatePem());
        Credential credential = new Credential(privateKey(issued.privateKeyPem(), certificate), certificate, List.of(certificate));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(issued.crlPem().getBytes(StandardCharsets.US_ASCII)));
        MessageSignatures signatures = new MessageSignatures(new SigningSettings(credential,
                TrustSettings.of(ca, () -> List.of(crl))));
        return SoapClients.transactionLog(network.itlEndpoint(), "ITL", signatures, Duration.ofSeconds(30));
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static PrivateKey privateKey(String pem, X509Certificate certificate) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
