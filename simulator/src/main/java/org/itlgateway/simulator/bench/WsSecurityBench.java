package org.itlgateway.simulator.bench;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.bsp.BSPRule;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.stax.ext.WSSSecurityProperties;
import org.apache.wss4j.stax.setup.InboundWSSec;
import org.apache.wss4j.stax.setup.WSSec;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.HeldKeyCrypto;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Document;

/**
 * The layers under a signed message, each on its own, on one thread and measured in CPU time per message: the
 * signed acceptProposal of the gateway benchmark parsed (StAX, DOM), verified by WS-Security's DOM engine on a plain
 * DOM and by its streaming (StAX) engine, signed by the DOM engine on a plain DOM and written out, beside the crypto
 * floor. No CXF, no SAAJ, no HTTP: what the libraries cost, so that the full pipeline's figure can be read against
 * them. Both engines check the signer's chain against the CA with revocation on (WSS4J's keystore crypto, as the
 * plain stack of the gateway benchmark uses it).
 */
final class WsSecurityBench {

    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /** One line of the results. */
    record Layer(String what, String key, int messages, double cpuMicros, double floorMicros) {

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.1f× |", what, key, messages, cpuMicros,
                    cpuMicros / floorMicros);
        }

        static String header() {
            return "| Layer | Key | Messages | CPU µs per message | × crypto floor |\n|---|---|---:|---:|---:|";
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private final int warmup;
    private final int messages;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    WsSecurityBench(int warmup, int messages) {
        this.warmup = warmup;
        this.messages = messages;
    }

    List<Layer> run(List<KeyAlgorithm> algorithms) throws Exception {
        org.apache.xml.security.Init.init();
        List<Layer> layers = new ArrayList<>();
        for (KeyAlgorithm algorithm : algorithms) {
            layers.addAll(layersOf(algorithm));
        }
        return layers;
    }

    private List<Layer> layersOf(KeyAlgorithm algorithm) throws Exception {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create("Bench CA", algorithm, now, Duration.ofDays(30));
        Credential cdm = ca.issueNodeCertificate("CDM", algorithm, now.minusSeconds(60), Duration.ofDays(30));
        Merlin crypto = crypto(ca, cdm);
        DocumentBuilderFactory documents = DesSchema.secureDocumentBuilderFactory();
        XMLInputFactory streams = XMLInputFactory.newInstance();
        Transformer writer = TransformerFactory.newInstance().newTransformer();
        writer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        byte[] unsigned = ("<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Header/><soap:Body>"
                + PayloadCodec.marshal(Wire.LOG_ACCEPT_PROPOSAL.request(EnvelopeMapping.fromWire(GatewayBench.header()),
                        GatewayBench.proposal("CDM1")))
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        Step sign = () -> signed(documents, writer, unsigned, cdm, crypto);
        byte[] signed = signed(documents, writer, unsigned, cdm, crypto);

        WSSSecurityProperties streaming = new WSSSecurityProperties();
        streaming.setSignatureVerificationCrypto(crypto);
        streaming.setEnableRevocation(true);
        // SHA-256 digests and signatures are outside the Basic Security Profile 1.1's list, as for the DOM engine
        streaming.addIgnoreBSPRule(BSPRule.R5421);
        streaming.addIgnoreBSPRule(BSPRule.R5420);
        InboundWSSec inbound = WSSec.getInboundWSSec(streaming, false, true);

        String key = GatewayBench.label(algorithm);
        double floor = cpuMicros(floor(algorithm, cdm, signed));
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("StAX parse only (the signed message read to its end)", key, messages, cpuMicros(() -> {
            XMLStreamReader reader = streams.createXMLStreamReader(new ByteArrayInputStream(signed));
            while (reader.hasNext()) {
                reader.next();
            }
        }), floor));
        layers.add(new Layer("DOM parse only", key, messages,
                cpuMicros(() -> documents.newDocumentBuilder().parse(new ByteArrayInputStream(signed))), floor));
        layers.add(new Layer("WS-Security DOM verification on a plain DOM (parse included)", key, messages, cpuMicros(() -> {
            Document document = documents.newDocumentBuilder().parse(new ByteArrayInputStream(signed));
            RequestData data = new RequestData();
            data.setWssConfig(WSSConfig.getNewInstance());
            data.setSigVerCrypto(crypto);
            data.setEnableRevocation(true);
            if (new WSSecurityEngine().processSecurityHeader(document, data).getResults().isEmpty()) {
                throw new IllegalStateException("no signature verified");
            }
        }), floor));
        layers.add(new Layer("WS-Security streaming (StAX) verification (parse included)", key, messages, cpuMicros(() -> {
            XMLStreamReader reader = inbound.processInMessage(streams.createXMLStreamReader(new ByteArrayInputStream(signed)));
            while (reader.hasNext()) {
                reader.next();
            }
            reader.close();
        }), floor));
        layers.add(new Layer("WS-Security DOM signing on a plain DOM (parse, Timestamp, Signature, written out)", key,
                messages, cpuMicros(sign), floor));
        layers.add(new Layer("crypto floor (1 verify + 1 sign)", key, messages, floor, floor));
        return layers;
    }

    private double cpuMicros(Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long started = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < messages; i++) {
            step.run();
        }
        return (threads.getCurrentThreadCpuTime() - started) / 1e3 / messages;
    }

    /** As the gateway benchmark's floor: the JDK's RSA, Bouncy Castle's ECDSA. */
    private static Step floor(KeyAlgorithm algorithm, Credential signer, byte[] payload) throws Exception {
        String provider = algorithm == KeyAlgorithm.EC_P256 ? "BC" : null;
        byte[] value = GatewayBench.sign(algorithm, provider, signer, payload);
        return () -> {
            Signature verifier = provider == null ? Signature.getInstance(algorithm.certificateSignature())
                    : Signature.getInstance(algorithm.certificateSignature(), provider);
            verifier.initVerify(signer.certificate());
            verifier.update(payload);
            if (!verifier.verify(value)) {
                throw new IllegalStateException("the signature does not verify");
            }
            GatewayBench.sign(algorithm, provider, signer, payload);
        };
    }

    private static byte[] signed(DocumentBuilderFactory documents, Transformer writer, byte[] envelope, Credential signer,
                                 Merlin crypto) throws Exception {
        Document document = documents.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
        WSSecHeader header = new WSSecHeader(document);
        header.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive(300);
        timestamp.build();
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo("signer", "unused");
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(signer.algorithm().xmlSignatureUri());
        signature.setDigestAlgo(SHA256);
        signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        signature.getParts().add(new WSEncryptionPart("Body", SOAP11, ""));
        signature.build(crypto);
        StringWriter out = new StringWriter();
        writer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** WSS4J's keystore crypto holding the signer's key (handed over as held, as the nodes do) and trusting the CA. */
    private static Merlin crypto(CertificateAuthority ca, Credential signer) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("signer", signer.privateKey(), "unused".toCharArray(), signer.chain().toArray(Certificate[]::new));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        Merlin crypto = new HeldKeyCrypto("signer", signer.privateKey());
        crypto.setKeyStore(keys);
        crypto.setTrustStore(trust);
        crypto.setCRLCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(List.of(ca.publishCrl(Instant.now(), Duration.ofDays(1))))));
        return crypto;
    }
}
