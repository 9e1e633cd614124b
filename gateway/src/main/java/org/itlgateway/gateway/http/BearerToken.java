package org.itlgateway.gateway.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Lets through only requests that carry {@code Authorization: Bearer <token>} (compared in constant time), while a
 * token is required; others are answered 401 with {@code WWW-Authenticate}. Runs after {@link BrowserRules}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerToken implements ContainerRequestFilter {

    private final Supplier<byte[]> token;
    private final String realm;
    private final Pages pages;

    /** @param token the token required now, or null when the API is open */
    public BearerToken(Supplier<byte[]> token, String realm) {
        this(token, realm, null);
    }

    private BearerToken(Supplier<byte[]> token, String realm, Pages pages) {
        this.token = token;
        this.realm = realm;
        this.pages = pages;
    }

    /** The same token required everywhere but on these web pages, whose own filters require a session instead. */
    public BearerToken exceptOn(Pages webPages) {
        return new BearerToken(token, realm, webPages);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        byte[] required = token.get();
        if (required == null) {
            return;
        }
        if (pages != null && pages.covers(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        String given = request.getHeaderString("Authorization");
        byte[] presented = given != null && given.startsWith("Bearer ")
                ? given.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(required, presented)) {
            request.abortWith(Problem.typed(401, "token-required", "The API's token is required", given == null
                            ? "this API takes requests with its token only: send Authorization: Bearer <token>"
                            : "the token in the Authorization header is not this API's")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"").response());
        }
    }
}
