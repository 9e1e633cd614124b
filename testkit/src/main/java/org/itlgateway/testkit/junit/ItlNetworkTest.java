package org.itlgateway.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a simulated network started in the test's own JVM: the ITL, the CITL and the registries
 * of the built-in profiles (and a tester's own), every message signed SOAP over real HTTP, every node on an embedded
 * PostgreSQL, every port free. A parameter of type {@link ItlNetwork} (of the constructor, a {@code @BeforeAll}, a
 * {@code @BeforeEach} or a test method) receives the typed client of its control API.
 *
 * <p>A network is started once for every test class of a run that asks for the same one (the same start, profiles,
 * fault seed and clock), and stopped when the run ends; tests sharing a network see each other's transactions, so
 * give each its own transaction identifiers and accounts, or ask for {@link #ownNetwork()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ItlNetworkExtension.class)
public @interface ItlNetworkTest {

    /** Where the simulated clock starts, ISO-8601 ({@code 2016-09-01T09:00:00Z}); empty: the network's default. */
    String start() default "";

    /**
     * A directory of peer profiles that add to or replace the built-in ones (a tester's registry, {@code itl.json}
     * ...), relative to the working directory; empty: the built-in profiles only.
     */
    String profiles() default "";

    /** The seed the fault rules' chances are drawn from. */
    long faultSeed() default 0;

    /**
     * Whether simulated time runs on its own, at real speed, from {@link #start()}. By default it stands still and
     * moves only when the test moves it ({@link ItlNetwork.Clock}), so dates are the test's to choose.
     */
    boolean clockRunning() default false;

    /** A network of this class's own, stopped after its last test, instead of one shared across classes. */
    boolean ownNetwork() default false;
}
