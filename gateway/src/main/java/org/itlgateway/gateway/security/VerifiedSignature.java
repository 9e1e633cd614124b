package org.itlgateway.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Node;

/**
 * The one signature of a message that WS-Security verified, bound to what the node processes: it covers the
 * Body and the Timestamp, its certificate names exactly one node and is meant for digital signatures, and the
 * security header carries nothing else (no second signature, no token the signature does not use, no other
 * kind of token). Anything else is refused: a registry could otherwise add a token naming another node and be
 * taken for it.
 *
 * @param signer     the certificate whose key verified the signature
 * @param references what the signature covers, as verified (each reference's digest of the canonical element)
 * @param created    when the signed Timestamp says the message was created
 * @param expires    when the signed Timestamp expires
 */
public record VerifiedSignature(X509Certificate signer, List<WSDataRef> references, Instant created, Instant expires) {

    public VerifiedSignature {
        references = List.copyOf(references);
    }

    /**
     * The verified signature among the results of WS-Security, or {@code null} when the message carries none.
     *
     * @param results the results of processing the security header
     * @param body    the SOAP Body the node is going to process
     * @throws SignatureRefusal when the results do not name one signer beyond doubt
     */
    public static VerifiedSignature of(List<WSSecurityEngineResult> results, Node body) {
        List<WSSecurityEngineResult> signatures = new ArrayList<>();
        List<WSSecurityEngineResult> tokens = new ArrayList<>();
        Timestamp timestamp = null;
        int timestamps = 0;
        for (WSSecurityEngineResult result : results) {
            Object action = result.get(WSSecurityEngineResult.TAG_ACTION);
            int kind = action instanceof Integer number ? number : -1;
            switch (kind) {
                case WSConstants.SIGN -> signatures.add(result);
                case WSConstants.BST -> tokens.add(result);
                case WSConstants.SC -> {
                    // an answer's confirmation of the request's signature value: checked by WS-Security itself
                }
                case WSConstants.TS -> {
                    timestamps++;
                    timestamp = (Timestamp) result.get(WSSecurityEngineResult.TAG_TIMESTAMP);
                }
                default -> throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID,
                        "the security header carries a token of a kind this node does not accept");
            }
        }
        if (signatures.isEmpty()) {
            return null;
        }
        if (signatures.size() > 1) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the message carries more than one signature");
        }
        WSSecurityEngineResult signature = signatures.get(0);
        if (!(signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE) instanceof X509Certificate signer)) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the signature is not made with an X.509 certificate");
        }
        for (WSSecurityEngineResult token : tokens) {
            if (!signer.equals(token.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))) {
                throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID,
                        "the message carries a security token that its signature does not use");
            }
        }
        List<WSDataRef> references = dataReferences(signature);
        if (timestamps != 1 || !covers(references, body) || !covers(references, timestamp.getElement())) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID,
                    "the signature does not cover the Body and the Timestamp that are processed");
        }
        List<String> names = SignerIdentity.commonNamesOf(signer);
        if (names.size() != 1) {
            throw new SignatureRefusal(ResponseCode.SIGNER_IS_NOT_SENDER,
                    "the signer certificate names " + names.size() + " nodes (" + String.join(", ", names) + "), not one");
        }
        AlgorithmPolicy.requireDigitalSignatureUsage(signer);
        return new VerifiedSignature(signer, references, timestamp.getCreated(), timestamp.getExpires());
    }

    /**
     * What identifies this signed message whoever relays it: a digest over the digests of the canonical elements
     * the signature covers (Timestamp and Body), in the order the signed references list them. The signature
     * value is left out, since an ECDSA signature has a twin that verifies as well.
     */
    public String fingerprint() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (WSDataRef reference : references) {
                sha256.update((reference.getDigestAlgorithm() + ":" + Base64.getEncoder().encodeToString(
                        reference.getDigestValue()) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<WSDataRef> dataReferences(WSSecurityEngineResult signature) {
        Object references = signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        return references instanceof List<?> list ? (List<WSDataRef>) list : List.of();
    }

    private static boolean covers(List<WSDataRef> references, Node element) {
        if (element == null) {
            return false;
        }
        Node target = DOMUtils.getDomElement(element);
        for (WSDataRef reference : references) {
            Node signed = reference.getProtectedElement();
            if (signed != null && (signed == element || DOMUtils.getDomElement(signed) == target)) {
                return true;
            }
        }
        return false;
    }
}
