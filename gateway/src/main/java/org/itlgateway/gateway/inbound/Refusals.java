package org.itlgateway.gateway.inbound;

import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP faults for messages that cannot even be receipted: a Client fault whose detail is the contract's
 * {@code refusal} element (response code and reason). Never a stack trace.
 */
public final class Refusals {

    public static final QName REFUSAL = new QName(DesContract.TYPES_NAMESPACE, "refusal");

    private Refusals() {
    }

    public static SoapFault fault(ResponseCode code, String reason) {
        SoapFault fault = new SoapFault(code.code() + " " + code.name() + ": " + reason, Soap11.getInstance().getSender());
        fault.setDetail(detail(code, reason));
        return fault;
    }

    /** Gives an existing fault the refusal detail (and a message without internals). */
    public static void describe(SoapFault fault, ResponseCode code, String reason) {
        fault.setMessage(code.code() + " " + code.name() + ": " + reason);
        fault.setDetail(detail(code, reason));
        fault.setFaultCode(Soap11.getInstance().getSender());
    }

    /** True when the fault already carries a refusal. */
    public static boolean isRefusal(SoapFault fault) {
        Element detail = fault.getDetail();
        if (detail == null) {
            return false;
        }
        return detail.getElementsByTagNameNS(REFUSAL.getNamespaceURI(), REFUSAL.getLocalPart()).getLength() > 0;
    }

    /** The response code a refusal fault carries; empty for a fault without a refusal. */
    public static java.util.OptionalInt codeOf(SoapFault fault) {
        Element detail = fault.getDetail();
        if (detail == null) {
            return java.util.OptionalInt.empty();
        }
        org.w3c.dom.NodeList codes = detail.getElementsByTagNameNS(REFUSAL.getNamespaceURI(), "responseCode");
        try {
            return codes.getLength() == 0 ? java.util.OptionalInt.empty()
                    : java.util.OptionalInt.of(Integer.parseInt(codes.item(0).getTextContent().trim()));
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    private static Element detail(ResponseCode code, String reason) {
        try {
            Document document = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder().newDocument();
            Element detail = document.createElement("detail");
            Element refusal = document.createElementNS(REFUSAL.getNamespaceURI(), "des:refusal");
            Element codeElement = document.createElementNS(REFUSAL.getNamespaceURI(), "des:responseCode");
            codeElement.setTextContent(Integer.toString(code.code()));
            Element reasonElement = document.createElementNS(REFUSAL.getNamespaceURI(), "des:reason");
            reasonElement.setTextContent(reason.length() > 500 ? reason.substring(0, 500) : reason);
            refusal.appendChild(codeElement);
            refusal.appendChild(reasonElement);
            detail.appendChild(refusal);
            document.appendChild(detail);
            return detail;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
