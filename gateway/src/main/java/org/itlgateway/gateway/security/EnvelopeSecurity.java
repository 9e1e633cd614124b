package org.itlgateway.gateway.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.HandlerAction;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandler;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.processor.Processor;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Security's DOM engine on a plain DOM envelope, with exactly the settings of {@link MessageSignatures} (the
 * same options the stack's interceptors are given): what an endpoint verifies a request with and signs its answer
 * with, without a SAAJ tree or an interceptor chain around it. Verification runs the same receiver steps as the
 * stack's (the options decoded, the security header processed, the actions Timestamp and Signature required, the
 * algorithm policy and the token allow-list applied); signing the same sender steps (Timestamp, signature
 * confirmation of the request's signature, Signature over Body and Timestamp). Thread-safe.
 */
public final class EnvelopeSecurity {

    private static final String ACTIONS = ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE;

    private final Handler verifying;
    private final Handler signing;
    private final WSSConfig verifyingConfig;
    private final List<Integer> requiredActions;

    EnvelopeSecurity(Map<String, Object> verifyingOptions, Map<String, Object> signingOptions,
                     Map<QName, Processor> refusedTokens) {
        this.verifying = new Handler(verifyingOptions);
        this.signing = new Handler(signingOptions);
        this.verifyingConfig = WSSConfig.getNewInstance();
        refusedTokens.forEach(verifyingConfig::setProcessor);
        try {
            this.requiredActions = List.copyOf(WSSecurityUtil.decodeAction(ACTIONS));
        } catch (WSSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Processes the security header of a received envelope.
     *
     * @param header the envelope's SOAP Header, or {@code null} when it has none
     * @return what WS-Security verified, to be checked with {@link VerifiedSignature#of} and handed to
     *         {@link #sign} for the answer's signature confirmation
     * @throws WSSecurityException as the stack's verification would throw it (no header, bad signature, untrusted
     *                             or revoked certificate, stale timestamp, a refused token type)
     * @throws SignatureRefusal    when the header is invalid for a reason this project names (a weak algorithm or
     *                             key, more than one signature)
     */
    public WSHandlerResult verify(Element header) throws WSSecurityException {
        return verified(header, null);
    }

    /**
     * Signs a request in place, as {@link #sign} signs an answer, without confirmations: a Timestamp, the signer's
     * certificate and a signature over the Body and the Timestamp; the signature's value is kept, for the answer to
     * confirm ({@link #verifyAnswer}).
     *
     * @param envelope the request, a SOAP 1.1 envelope with a Header and a Body
     */
    public SignedRequest signRequest(Document envelope) throws WSSecurityException {
        Map<String, Object> context = new HashMap<>();
        RequestData data = new RequestData();
        WSSConfig config = WSSConfig.getNewInstance();
        data.setWssConfig(config);
        data.setMsgContext(context);
        signing.senderSteps(envelope, data, WSSecurityUtil.decodeHandlerAction(ACTIONS, config), true);
        return new SignedRequest(context);
    }

    /**
     * Processes the security header of the answer to a request signed with {@link #signRequest}: as {@link #verify}
     * does, and then the answer must confirm exactly the request's signature value (WS-Security's signature
     * confirmation), or it answers another request.
     *
     * @param header the answer's SOAP Header, or {@code null} when it has none
     * @throws WSSecurityException as {@link #verify} throws it, and when the confirmation is missing or confirms
     *                             another value
     */
    public WSHandlerResult verifyAnswer(Element header, SignedRequest request) throws WSSecurityException {
        return verified(header, request);
    }

    /** A request this side signed: what its answer's signature confirmation is checked against. */
    public static final class SignedRequest {
        private final Map<String, Object> context;

        private SignedRequest(Map<String, Object> context) {
            this.context = context;
        }
    }

    /** The security header processed; when {@code answered} is given, its confirmation checked too. */
    private WSHandlerResult verified(Element header, SignedRequest answered) throws WSSecurityException {
        RequestData data = new RequestData();
        data.setWssConfig(verifyingConfig);
        data.setMsgContext(answered == null ? new HashMap<String, Object>() : answered.context);
        data.setAlgorithmSuite(AlgorithmPolicy.suite());
        try {
            verifying.receiverSteps(requiredActions, data);
            Element security = header == null ? null : WSSecurityUtil.getSecurityHeader(header, null, false);
            WSSecurityEngine engine = new WSSecurityEngine();
            engine.setWssConfig(verifyingConfig);
            WSHandlerResult result = engine.processSecurityHeader(security, data);
            if (!verifying.allRequiredActionsIn(result, requiredActions)) {
                throw new WSSecurityException(WSSecurityException.ErrorCode.INVALID_SECURITY);
            }
            if (answered != null) {
                verifying.confirmationSteps(data, result);
            }
            return result;
        } catch (WSSecurityException e) {
            if (e.getErrorCode() == WSSecurityException.ErrorCode.INVALID_SECURITY && header != null) {
                SignatureVerification.diagnosis(header).ifPresent(refusal -> {
                    refusal.initCause(e);
                    throw refusal;
                });
            }
            throw e;
        }
    }

    /**
     * Signs an envelope in place: a Timestamp, the confirmation of each signature value in {@code received} (the
     * request's), the signer's certificate and a signature over the Body and the Timestamp.
     *
     * @param envelope the answer, a SOAP 1.1 envelope with a Header and a Body
     * @param received what {@link #verify} returned for the request answered, or {@code null} for none
     */
    public void sign(Document envelope, WSHandlerResult received) throws WSSecurityException {
        Map<String, Object> context = new HashMap<>();
        if (received != null) {
            context.put(WSHandlerConstants.RECV_RESULTS, new java.util.ArrayList<>(List.of(received)));
        }
        RequestData data = new RequestData();
        WSSConfig config = WSSConfig.getNewInstance();
        data.setWssConfig(config);
        data.setMsgContext(context);
        signing.senderSteps(envelope, data, WSSecurityUtil.decodeHandlerAction(ACTIONS, config), false);
    }

    /** WS-Security's handler steps, given this project's options instead of a framework's message context. */
    private static final class Handler extends WSHandler {

        private static final String PASSWORD = "itlgateway.password";

        private final Map<String, Object> options;

        Handler(Map<String, Object> options) {
            this.options = Map.copyOf(options);
        }

        void receiverSteps(List<Integer> actions, RequestData data) throws WSSecurityException {
            doReceiverAction(actions, data);
            data.setEnableRevocation(data.isRevocationEnabled());
        }

        boolean allRequiredActionsIn(WSHandlerResult result, List<Integer> actions) {
            return checkReceiverResultsAnyOrder(result.getResults(), actions);
        }

        void senderSteps(Document envelope, RequestData data, List<HandlerAction> actions, boolean request)
                throws WSSecurityException {
            doSenderAction(envelope, data, actions, request);
        }

        void confirmationSteps(RequestData data, WSHandlerResult result) throws WSSecurityException {
            checkSignatureConfirmation(data, result);
        }

        @Override
        public Object getOption(String key) {
            return options.get(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object getProperty(Object context, String key) {
            Object value = context instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
            return value != null ? value : options.get(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void setProperty(Object context, String key, Object value) {
            if (context instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(key, value);
            }
        }

        @Override
        public String getPassword(Object context) {
            return (String) getProperty(context, PASSWORD);
        }

        @Override
        public void setPassword(Object context, String password) {
            setProperty(context, PASSWORD, password);
        }
    }
}
