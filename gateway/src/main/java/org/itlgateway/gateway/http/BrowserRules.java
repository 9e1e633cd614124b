package org.itlgateway.gateway.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What keeps a web page in the operator's browser away from a local API: a request must be addressed to this API
 * by a name that cannot be rebound (an IP address, {@code localhost} or the host it was told to listen on) and its
 * port (421 otherwise); it must not come from another origin (403); and what changes something must say it sends
 * JSON (415), which a page can send to another origin only after a preflight this API never grants. Runs before
 * any route is matched and before the token is checked. The API's web pages ({@link Pages}), when it has some, also
 * take a browser's form posts; their own filters require a session and a CSRF token with each.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class BrowserRules implements ContainerRequestFilter {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String boundHost;
    private final int port;
    private final String scheme;
    private final Pages pages;

    /** The rules of an API told to listen on {@code boundHost}, listening on {@code port} with {@code scheme}. */
    BrowserRules(String boundHost, int port, String scheme) {
        this(boundHost, port, scheme, null);
    }

    /** The same, with web pages that take form posts (none when null). */
    BrowserRules(String boundHost, int port, String scheme, Pages pages) {
        this.boundHost = boundHost.toLowerCase(Locale.ROOT);
        this.port = port;
        this.scheme = scheme;
        this.pages = pages;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getMethod(), Optional.ofNullable(request.getHeaderString("Host")),
                Optional.ofNullable(request.getHeaderString("Origin")),
                Optional.ofNullable(request.getHeaderString("Sec-Fetch-Site")),
                Optional.ofNullable(request.getHeaderString("Content-Type")),
                request.getUriInfo().getRequestUri().getRawPath())
                .ifPresent(problem -> request.abortWith(problem.response()));
    }

    /** Why the request is refused, or nothing when it may go on. */
    Optional<Problem> check(String method, Optional<String> hostHeader, Optional<String> origin,
                            Optional<String> fetchSite, Optional<String> contentType) {
        return check(method, hostHeader, origin, fetchSite, contentType, "");
    }

    /** Why the request to {@code rawPath} is refused, or nothing when it may go on. */
    Optional<Problem> check(String method, Optional<String> hostHeader, Optional<String> origin,
                            Optional<String> fetchSite, Optional<String> contentType, String rawPath) {
        String host = hostHeader.orElse("");
        if (!isOurs(host)) {
            return Optional.of(Problem.typed(421, "misdirected", "Not addressed to this API",
                    "this API answers requests addressed to 127.0.0.1:" + port + " or localhost:" + port + ", not to "
                            + printable(host)));
        }
        if (origin.isPresent() && !isOurOrigin(origin.get())) {
            return Optional.of(Problem.typed(403, "foreign-origin", "Another origin",
                    "this API answers its own origin only, not " + printable(origin.get())));
        }
        if ("cross-site".equalsIgnoreCase(fetchSite.orElse(""))) {
            return Optional.of(Problem.typed(403, "foreign-origin", "Another origin", "this API answers no cross-site request"));
        }
        if (changes(method) && !isJson(contentType.orElse(""))
                && !("POST".equals(method) && isForm(contentType.orElse("")) && pages != null && pages.covers(rawPath))) {
            return Optional.of(Problem.of(415, method + " takes a JSON body: send Content-Type: application/json"));
        }
        return Optional.empty();
    }

    private static boolean changes(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static boolean isJson(String contentType) {
        return "application/json".equalsIgnoreCase(media(contentType));
    }

    private static boolean isForm(String contentType) {
        return "application/x-www-form-urlencoded".equalsIgnoreCase(media(contentType));
    }

    private static String media(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    /** True for {@code host[:port]} naming this API: our port, and a name DNS cannot point elsewhere. */
    private boolean isOurs(String authority) {
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = authority.substring(0, close + 1);
            portText = authority.substring(close + 1);
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? "" : authority.substring(colon);
        }
        if (!portText.equals(":" + port)) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals(boundHost) || IPV4.matcher(name).matches()
                || (name.startsWith("[") && name.endsWith("]") && name.length() > 2);
    }

    private boolean isOurOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return scheme.equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && isOurs(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A header value fit to be quoted in an answer: short and printable. */
    static String printable(String value) {
        String shown = value.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.isEmpty() ? "(none)" : shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}
