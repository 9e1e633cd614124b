package org.itlgateway.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads the operation names of a WSDL's portType, in document order. */
final class WsdlOperations {

    private static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";

    private WsdlOperations() {
    }

    static List<String> of(String wsdlResource) {
        try (InputStream in = WsdlOperations.class.getClassLoader().getResourceAsStream(wsdlResource)) {
            Element definitions = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder().parse(in).getDocumentElement();
            Element portType = (Element) definitions.getElementsByTagNameNS(WSDL_NS, "portType").item(0);
            NodeList operations = portType.getElementsByTagNameNS(WSDL_NS, "operation");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < operations.getLength(); i++) {
                names.add(((Element) operations.item(i)).getAttribute("name"));
            }
            return names;
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException(wsdlResource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
