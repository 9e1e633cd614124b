package org.itlgateway.gateway.app;

import org.itlgateway.gateway.security.FastEcdsa;
import org.itlgateway.gateway.transport.XmlFactories;

/**
 * The JVM-wide choices our own commands make when they start, and nothing else does: constructing a gateway, a
 * signature configuration or a network never touches the JVM's security providers or system properties, so an
 * application that embeds the gateway keeps its own. Each choice is a measured speed-up, not a correctness need:
 * <ul>
 *   <li>Hibernate's logging goes to SLF4J like everything else (JBoss Logging otherwise picks java.util.logging);</li>
 *   <li>SHA256withECDSA comes first from Bouncy Castle ({@link FastEcdsa}; the JDK 17 implementation is several
 *       times slower, measured there), every other algorithm from the JDK's providers as before;</li>
 *   <li>the XML factory implementations are named once ({@link XmlFactories}), so the stack does not scan the
 *       classpath for them on every message.</li>
 * </ul>
 * Settings an operator gave on the command line ({@code -D...}) are kept.
 */
public final class ProcessSetup {

    private ProcessSetup() {
    }

    /** Called first by every {@code main} of ours (and by the test JVMs, which run as the commands do). */
    public static void forCommand() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        FastEcdsa.prefer();
        XmlFactories.nameImplementations();
    }
}
