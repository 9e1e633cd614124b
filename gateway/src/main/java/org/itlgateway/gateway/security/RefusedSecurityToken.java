package org.itlgateway.gateway.security;

import java.util.List;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.Processor;

/**
 * Stands in WS-Security's place for a token type no node here uses (SAML assertions, UsernameToken, encrypted
 * keys and data, derived keys, security context tokens): the message is refused before the token is looked at,
 * so a token whose library is not even on the class path costs nothing and breaks nothing.
 */
final class RefusedSecurityToken implements Processor {

    @Override
    public List<WSSecurityEngineResult> handleToken(org.w3c.dom.Element element, RequestData data)
            throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.UNSUPPORTED_SECURITY_TOKEN);
    }
}
