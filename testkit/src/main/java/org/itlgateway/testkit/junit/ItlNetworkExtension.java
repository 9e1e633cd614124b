package org.itlgateway.testkit.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What {@link ItlNetworkTest} runs: before a class's first test, the network it asks for is started (or the one
 * already running for the same settings is taken), and parameters of type {@link ItlNetwork} receive its client.
 * Shared networks live in the run's root store, a class's own in the class's store; JUnit closes each when its store
 * ends (the run, or the class).
 */
public final class ItlNetworkExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ItlNetworkExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ItlNetwork.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).client();
    }

    private static RunningNetwork running(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ItlNetworkTest asked = annotationOf(testClass);
        RunningNetwork.Wanted wanted = wanted(asked);
        ExtensionContext owner = asked.ownNetwork() ? classContext(context) : context.getRoot();
        Object key = asked.ownNetwork() ? testClass : wanted;
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, ignored -> RunningNetwork.start(wanted),
                RunningNetwork.class);
    }

    /** The class's annotation, inherited or, for a nested class, its enclosing class's. */
    private static ItlNetworkTest annotationOf(Class<?> testClass) {
        for (Class<?> at = testClass; at != null; at = at.getEnclosingClass()) {
            ItlNetworkTest asked = at.getAnnotation(ItlNetworkTest.class);
            if (asked != null) {
                return asked;
            }
        }
        throw new ExtensionConfigurationException(testClass.getName()
                + " is not annotated @ItlNetworkTest, so no network is configured for it");
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
            at = at.getParent().get();
        }
        return at;
    }

    private static RunningNetwork.Wanted wanted(ItlNetworkTest asked) {
        Instant start = null;
        if (!asked.start().isBlank()) {
            try {
                start = Instant.parse(asked.start().trim());
            } catch (DateTimeParseException e) {
                throw new ExtensionConfigurationException("@ItlNetworkTest(start = \"" + asked.start()
                        + "\") is not an ISO-8601 instant such as 2016-09-01T09:00:00Z", e);
            }
        }
        Path profiles = null;
        if (!asked.profiles().isBlank()) {
            profiles = Path.of(asked.profiles()).toAbsolutePath().normalize();
            if (!Files.isDirectory(profiles)) {
                throw new ExtensionConfigurationException("@ItlNetworkTest(profiles = \"" + asked.profiles()
                        + "\"): " + profiles + " is not a directory");
            }
        }
        return new RunningNetwork.Wanted(start, profiles, asked.faultSeed(), asked.clockRunning());
    }
}
