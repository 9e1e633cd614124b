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
 *       classpath for them on every message;</li>
 *   <li>on a machine of one or two cores, the JVM's common pool gets two threads ({@link #COMMON_POOL_PARALLELISM}):
 *       with fewer, every asynchronous completion without an executor of its own starts a new thread, and the JDK's
 *       HTTP client, which the SOAP clients send through, completes each answer that way (a flight recording of the
 *       network benchmark counted a thread started per message exchanged).</li>
 * </ul>
 * Settings an operator gave on the command line ({@code -D...}) are kept.
 */
public final class ProcessSetup {

    /** The system property that sizes the JVM's common pool; read once, when the pool is first used. */
    public static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private ProcessSetup() {
    }

    /** Called first by every {@code main} of ours (and by the test JVMs, which run as the commands do). */
    public static void forCommand() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        FastEcdsa.prefer();
        XmlFactories.nameImplementations();
        commonPoolParallelism(Runtime.getRuntime().availableProcessors(), System.getProperty(COMMON_POOL_PARALLELISM))
                .ifPresent(threads -> System.setProperty(COMMON_POOL_PARALLELISM, threads));
    }

    /**
     * The common pool's size to set on a machine of {@code processors} cores, given what an operator set (or
     * {@code null}): two threads below three cores, where the JVM would give it one and so none to run completions
     * on; nothing otherwise, and never over an operator's choice.
     */
    static java.util.Optional<String> commonPoolParallelism(int processors, String configured) {
        return configured == null && processors <= 2 ? java.util.Optional.of("2") : java.util.Optional.empty();
    }
}
