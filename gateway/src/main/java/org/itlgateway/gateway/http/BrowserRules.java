package org.itlgateway.gateway.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * What keeps a web page in the operator's browser away from a local API: a request must be addressed to this API
 * by a name that cannot be rebound (an IP address, {@code localhost} or the host it was told to listen on) and its
 * port; it must not come from another origin; and what changes something must say it sends JSON, which a page can
 * send to another origin only after a preflight this API never grants.
 */
final class BrowserRules {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** A refusal: its HTTP status and why. */
    record Refusal(int status, String reason) {
    }

    private final String boundHost;
    private final IntSupplier port;

    /** The rules of an API told to listen on {@code boundHost}, on the port {@code port} answers once it listens. */
    BrowserRules(String boundHost, IntSupplier port) {
        this.boundHost = boundHost.toLowerCase(Locale.ROOT);
        this.port = port;
    }

    /** Why the request is refused, or nothing when it may go on. */
    Optional<Refusal> check(HttpCall call) {
        String host = call.header("Host").orElse("");
        int port = this.port.getAsInt();
        if (!isOurs(host)) {
            return Optional.of(new Refusal(421, "this API answers requests addressed to 127.0.0.1:" + port
                    + " or localhost:" + port + ", not to " + printable(host)));
        }
        Optional<String> origin = call.header("Origin");
        if (origin.isPresent() && !isOurOrigin(origin.get())) {
            return Optional.of(new Refusal(403, "this API answers its own origin only, not " + printable(origin.get())));
        }
        if ("cross-site".equalsIgnoreCase(call.header("Sec-Fetch-Site").orElse(""))) {
            return Optional.of(new Refusal(403, "this API answers no cross-site request"));
        }
        if (changes(call.method()) && !isJson(call.header("Content-Type").orElse(""))) {
            return Optional.of(new Refusal(415, call.method() + " takes a JSON body: send Content-Type: application/json"));
        }
        return Optional.empty();
    }

    private static boolean changes(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return "application/json".equalsIgnoreCase(media);
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
        if (!portText.equals(":" + port.getAsInt())) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals(boundHost) || IPV4.matcher(name).matches()
                || (name.startsWith("[") && name.endsWith("]") && name.length() > 2);
    }

    private boolean isOurOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && isOurs(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A header value fit to be quoted in an answer: short and printable. */
    private static String printable(String value) {
        String shown = value.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.isEmpty() ? "(none)" : shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}
