package org.itlgateway.gateway.transport;

/**
 * Names the XML factory implementations once, so that the stack does not scan the classpath for them on every
 * message (with schema validation and WS-Security, CXF and SAAJ ask for new factories per message, each a
 * service-loader scan of the whole classpath; a profile showed it costs about 0.2 ms a request). Settings an
 * operator made are kept.
 */
public final class XmlFactories {

    private XmlFactories() {
    }

    public static synchronized void nameImplementations() {
        setIfAbsent("javax.xml.stream.XMLEventFactory", "com.ctc.wstx.stax.WstxEventFactory");
        setIfAbsent("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        setIfAbsent("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
        setIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
    }

    private static void setIfAbsent(String property, String implementation) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, implementation);
        }
    }
}
