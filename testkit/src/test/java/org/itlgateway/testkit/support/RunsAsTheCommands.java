package org.itlgateway.testkit.support;

import org.itlgateway.gateway.app.ProcessSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the test JVM the JVM our commands run in: the start-up choices of {@link ProcessSetup}, made once before
 * the first test class (registered for every class through {@code META-INF/services}).
 */
public final class RunsAsTheCommands implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ProcessSetup.forCommand();
    }
}
