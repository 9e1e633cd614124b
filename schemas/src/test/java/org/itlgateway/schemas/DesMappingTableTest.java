package org.itlgateway.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * docs/des-mapping.md cannot fall behind the contract: every complex type of des-types.xsd, every element
 * declared in one ({@code Type.element}), every operation of both WSDLs ({@code Service.operation}) and every
 * child of an operation's request wrapper other than the header ({@code operation.child}) is named in it, in
 * backticks; and every such name in it still exists.
 */
class DesMappingTableTest {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final Path TABLE = Path.of("..", "docs", "des-mapping.md");
    private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");

    @Test
    void everyComplexTypeAndEveryElementOfTheSchemaIsInTheTable() {
        Set<String> named = namesInTable();
        Contract contract = Contract.read();

        List<String> missing = new ArrayList<>();
        for (String name : contract.required()) {
            if (!named.contains(name)) {
                missing.add(name);
            }
        }

        assertTrue(missing.isEmpty(), "docs/des-mapping.md does not list " + missing.size()
                + " name(s) of the contract; add a row for each, in backticks: " + missing);
    }

    @Test
    void everyQualifiedNameInTheTableStillExistsInTheContract() {
        Contract contract = Contract.read();
        Set<String> known = contract.required();

        List<String> stale = new ArrayList<>();
        for (String name : namesInTable()) {
            String owner = name.contains(".") ? name.substring(0, name.indexOf('.')) : null;
            boolean claimsOurs = owner != null
                    && (contract.complexTypes.contains(owner) || contract.services.contains(owner)
                    || contract.operations.contains(owner));
            if (claimsOurs && !known.contains(name)) {
                stale.add(name);
            }
        }

        assertTrue(stale.isEmpty(), "docs/des-mapping.md names what the contract no longer has: " + stale);
    }

    @Test
    void theContractIsReadAsExpected() {
        Contract contract = Contract.read();

        assertTrue(contract.required().contains("Proposal.suppTransactionType"));
        assertTrue(contract.required().contains("Total.unitCount"), "elements of an extension belong to the type that declares them");
        assertTrue(contract.required().contains("TransactionLogService.getTransactionStatus"));
        assertTrue(contract.required().contains("getTransactionStatus.transactionIdentifier"));
        assertFalse(contract.required().contains("acceptProposal.header"));
        assertEquals(10, contract.required().stream().filter(n -> n.startsWith("RegistryService.")).count());
        assertEquals(12, contract.required().stream().filter(n -> n.startsWith("TransactionLogService.")).count());
    }

    private static Set<String> namesInTable() {
        Path table = TABLE.toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(table), table + " is missing (tests run in the module directory: "
                + Path.of("").toAbsolutePath() + ")");
        try {
            Set<String> names = new TreeSet<>();
            Matcher m = CODE.matcher(Files.readString(table));
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(table + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** What the table must name, read from des-types.xsd and the two WSDLs. */
    private static final class Contract {
        final Set<String> complexTypes = new TreeSet<>();
        final Set<String> typeElements = new LinkedHashSet<>();
        final Set<String> topLevelElements = new TreeSet<>();
        final Set<String> services = new TreeSet<>();
        final Set<String> operations = new TreeSet<>();
        final Set<String> serviceOperations = new LinkedHashSet<>();
        final Set<String> requestChildren = new LinkedHashSet<>();

        static Contract read() {
            Contract contract = new Contract();
            contract.readSchema(parse(DesContract.TYPES_XSD));
            contract.readWsdl(parse(DesContract.REGISTRY_WSDL));
            contract.readWsdl(parse(DesContract.TRANSACTION_LOG_WSDL));
            return contract;
        }

        Set<String> required() {
            Set<String> all = new TreeSet<>();
            all.addAll(complexTypes);
            all.addAll(typeElements);
            all.addAll(topLevelElements);
            all.addAll(serviceOperations);
            all.addAll(requestChildren);
            return all;
        }

        private void readSchema(Element schema) {
            for (Element child : children(schema, XS)) {
                String name = child.getAttribute("name");
                if (child.getLocalName().equals("complexType")) {
                    complexTypes.add(name);
                    NodeList elements = child.getElementsByTagNameNS(XS, "element");
                    for (int i = 0; i < elements.getLength(); i++) {
                        String element = ((Element) elements.item(i)).getAttribute("name");
                        if (!element.isEmpty()) {
                            typeElements.add(name + "." + element);
                        }
                    }
                } else if (child.getLocalName().equals("element")) {
                    topLevelElements.add(name);
                }
            }
        }

        private void readWsdl(Element definitions) {
            String service = definitions.getAttribute("name");
            services.add(service);
            Element portType = (Element) definitions.getElementsByTagNameNS(WSDL, "portType").item(0);
            Set<String> ops = new LinkedHashSet<>();
            for (Element operation : children(portType, WSDL)) {
                if (operation.getLocalName().equals("operation")) {
                    ops.add(operation.getAttribute("name"));
                }
            }
            operations.addAll(ops);
            for (String op : ops) {
                serviceOperations.add(service + "." + op);
            }
            // The request wrappers: top-level elements of the inline schema named after an operation.
            Element inline = (Element) definitions.getElementsByTagNameNS(XS, "schema").item(0);
            for (Element wrapper : children(inline, XS)) {
                String op = wrapper.getAttribute("name");
                if (wrapper.getLocalName().equals("element") && ops.contains(op)) {
                    NodeList fields = wrapper.getElementsByTagNameNS(XS, "element");
                    for (int i = 0; i < fields.getLength(); i++) {
                        String field = ((Element) fields.item(i)).getAttribute("name");
                        if (!field.isEmpty() && !field.equals("header")) {
                            requestChildren.add(op + "." + field);
                        }
                    }
                }
            }
        }

        private static List<Element> children(Element parent, String namespace) {
            List<Element> result = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && namespace.equals(e.getNamespaceURI())) {
                    result.add(e);
                }
            }
            return result;
        }

        private static Element parse(String resource) {
            try (InputStream in = DesMappingTableTest.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path");
                }
                return DesSchema.secureDocumentBuilderFactory().newDocumentBuilder().parse(in).getDocumentElement();
            } catch (IOException | SAXException | ParserConfigurationException e) {
                throw new IllegalStateException(resource + " cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
