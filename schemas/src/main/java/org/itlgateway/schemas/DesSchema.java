package org.itlgateway.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The whole contract as one compiled XML Schema: the shared types and the request and response elements of
 * both services (the schemas inlined in registry.wsdl and transaction-log.wsdl). Thread-safe; compile once.
 *
 * <p>Validation reports every violation with a readable message instead of stopping at the first one.
 */
public final class DesSchema {

    private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private final Schema schema;

    private DesSchema(Schema schema) {
        this.schema = schema;
    }

    /** Compiles the contract from the classpath (the schemas jar). */
    public static DesSchema load() {
        try {
            List<Source> sources = new ArrayList<>();
            sources.add(new DOMSource(parseResource(DesContract.TYPES_XSD), systemId(DesContract.TYPES_XSD)));
            sources.addAll(inlineSchemas(DesContract.REGISTRY_WSDL));
            sources.addAll(inlineSchemas(DesContract.TRANSACTION_LOG_WSDL));
            SchemaFactory factory = SchemaFactory.newInstance(XSD_NS);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setResourceResolver(new ClasspathResolver());
            return new DesSchema(factory.newSchema(sources.toArray(Source[]::new)));
        } catch (SAXException e) {
            throw new IllegalStateException("the contract's schemas do not compile: " + e.getMessage(), e);
        }
    }

    /** The compiled schema, for validators of one's own (for example CXF's schema validation). */
    public Schema schema() {
        return schema;
    }

    /** Validates one payload element: a request or response wrapper such as {@code acceptProposal}. */
    public List<SchemaViolation> validate(Node payload) {
        return validate(new DOMSource(payload));
    }

    /** Validates a payload document given as a source; every violation is reported. */
    public List<SchemaViolation> validate(Source payload) {
        List<SchemaViolation> violations = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new CollectingHandler(violations));
            validator.validate(payload);
        } catch (SAXException e) {
            if (violations.isEmpty()) {
                violations.add(new SchemaViolation(-1, -1, e.getMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** A namespace-aware DOM parser that refuses DTDs and external entities, as SOAP requires. */
    public static DocumentBuilderFactory secureDocumentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
        return factory;
    }

    private static List<Source> inlineSchemas(String wsdlResource) {
        Document wsdl = parseResource(wsdlResource);
        NodeList schemas = wsdl.getElementsByTagNameNS(XSD_NS, "schema");
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < schemas.getLength(); i++) {
            Element inline = (Element) schemas.item(i);
            // The inline schema uses prefixes declared on wsdl:definitions; copy them down so it stands alone.
            Element definitions = wsdl.getDocumentElement();
            for (int a = 0; a < definitions.getAttributes().getLength(); a++) {
                Node attribute = definitions.getAttributes().item(a);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                        && !inline.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getLocalName())) {
                    inline.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getNodeName(), attribute.getNodeValue());
                }
            }
            sources.add(new DOMSource(inline, systemId(wsdlResource)));
        }
        return sources;
    }

    private static Document parseResource(String resource) {
        try (InputStream in = open(resource)) {
            Document document = secureDocumentBuilderFactory().newDocumentBuilder().parse(in, systemId(resource));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException(resource + " is not well-formed: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = DesSchema.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        return in;
    }

    private static String systemId(String resource) {
        return "classpath:" + resource;
    }

    /** Serves the contract's own files for schemaLocation imports; anything else is refused. */
    private static final class ClasspathResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId, String baseUri) {
            if (DesContract.TYPES_NAMESPACE.equals(namespaceUri)) {
                return new ClasspathInput(DesContract.TYPES_XSD);
            }
            throw new IllegalArgumentException("the contract imports only its own schemas, not " + systemId);
        }
    }

    private static final class ClasspathInput implements LSInput {
        private final String resource;

        ClasspathInput(String resource) {
            this.resource = resource;
        }

        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() { return open(resource); }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId(resource); }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseUri) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }

    private record CollectingHandler(List<SchemaViolation> violations) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a message invalid
        }

        @Override
        public void error(SAXParseException e) {
            violations.add(new SchemaViolation(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        }

        @Override
        public void fatalError(SAXParseException e) {
            violations.add(new SchemaViolation(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        }
    }
}
