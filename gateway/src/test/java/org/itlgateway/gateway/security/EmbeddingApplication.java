package org.itlgateway.gateway.security;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.itlgateway.gateway.support.TestPki;

/**
 * An application that embeds the gateway's signatures in its own JVM: it prints what of its JVM-wide state
 * changed when it built and used them: a security provider of its own that moved, or an XML factory or logging
 * property that was set. Providers WSS4J appends after all others (its XML transforms) choose nothing for the
 * application and are not counted.
 */
public final class EmbeddingApplication {

    static final List<String> WATCHED_PROPERTIES = List.of("javax.xml.stream.XMLEventFactory", "javax.xml.stream.XMLInputFactory",
            "javax.xml.stream.XMLOutputFactory", "javax.xml.parsers.DocumentBuilderFactory", "org.jboss.logging.provider");

    private EmbeddingApplication() {
    }

    public static void main(String[] args) {
        List<String> before = state();
        MessageSignatures signatures = new MessageSignatures(new SigningSettings(TestPki.credential("NZ"),
                TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)));
        signatures.signing();
        signatures.verifying();
        List<String> after = state();
        List<String> changed = new ArrayList<>(before);
        changed.removeAll(after);
        System.out.println(changed.isEmpty() ? "unchanged" : "changed: " + changed + " now " + after);
    }

    private static List<String> state() {
        List<String> state = new ArrayList<>(Arrays.stream(Security.getProviders()).map(Provider::getName)
                .map(name -> "provider " + name).toList());
        for (int i = 0; i < state.size(); i++) {
            state.set(i, state.get(i) + " at " + (i + 1));
        }
        WATCHED_PROPERTIES.forEach(property -> state.add(property + "=" + System.getProperty(property)));
        return state;
    }
}
