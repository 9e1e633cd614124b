package org.itlgateway.gateway.inbound;

import java.util.HashSet;
import java.util.Set;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The envelope is an optional Header and then one Body, nothing else (WS-I Basic Profile R1011): a second Body
 * after the signed one, or anything after the Body, is refused (1013) before the receipt. It is checked on the
 * whole document as parsed, not on a model of the envelope that keeps only the first Body and would hide the rest.
 * No two elements may carry the same Id (wsu:Id, or the Id of XML Signature's elements): a signature reference to
 * it would be ambiguous, which is how wrapping attacks hide a forged element (1003).
 */
public final class EnvelopeShape {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private EnvelopeShape() {
    }

    /** @param envelope the document element of the message as received */
    public static void check(Element envelope) {
        int children = 0;
        boolean body = false;
        for (Node node = envelope.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child)) {
                continue;
            }
            children++;
            boolean soap = SOAP11.equals(child.getNamespaceURI());
            String name = child.getLocalName();
            if (body) {
                throw refusal(soap && "Body".equals(name) ? "the envelope carries a second Body"
                        : "the envelope carries an element after its Body");
            }
            if (soap && "Body".equals(name)) {
                body = true;
            } else if (!(soap && "Header".equals(name) && children == 1)) {
                throw refusal("the envelope carries an element other than one Header and one Body");
            }
        }
        if (!body) {
            throw refusal("the envelope has no Body");
        }
        requireUniqueIds(envelope, new HashSet<>());
    }

    private static void requireUniqueIds(Element element, Set<String> ids) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            boolean id = WSU.equals(namespace) && "Id".equals(name)
                    || (namespace == null || namespace.isEmpty()) && ("Id".equals(name) || "ID".equals(name));
            if (id && !ids.add(attribute.getValue())) {
                throw Refusals.fault(ResponseCode.SIGNATURE_INVALID, "two elements carry the Id "
                        + abbreviated(attribute.getValue()) + ": a signature reference to it would be ambiguous");
            }
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                requireUniqueIds(child, ids);
            }
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }

    private static RuntimeException refusal(String reason) {
        return Refusals.fault(ResponseCode.HOSTILE_XML, reason);
    }
}
