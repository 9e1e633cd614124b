package org.itlgateway.gateway.console;

import static org.itlgateway.gateway.console.Html.el;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.itlgateway.gateway.http.Pages;

/**
 * What guards the console's pages, after the API's browser rules (host, origin, what a change may send): every page
 * but signing in and the served files needs an open session; a request without one is sent to the sign-in page (a
 * {@code GET}) or refused 403 (a {@code POST}). Every {@code POST} with a session must carry the session's CSRF
 * token in its form, else it is refused 403 and nothing is done. Every answer on the console's paths carries its
 * security headers: a content security policy that admits this site's files only (no inline script, no framing, forms
 * posted here only), {@code X-Frame-Options: DENY}, a referrer sent to this site only (with {@code no-referrer} a
 * browser would send {@code Origin: null} with the console's own forms, which the browser rules refuse).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public final class ConsoleGuard implements ContainerRequestFilter, ContainerResponseFilter {

    /** The policy every console answer carries. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Pages paths;
    private final ConsoleSessions sessions;
    private final ConsoleLayout layout;

    /**
     * @param prefix   the console's path, e.g. {@code /console}
     * @param sessions its sessions
     * @param layout   how its refusals are shown
     */
    public ConsoleGuard(String prefix, ConsoleSessions sessions, ConsoleLayout layout) {
        this.paths = new Pages(prefix, List.of(), List.of());
        this.sessions = sessions;
        this.layout = layout;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!paths.covers(path) || isOpen(path)) {
            return;
        }
        Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
        Optional<ConsoleSessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue());
        boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (session.isEmpty()) {
            request.abortWith(reads ? ConsoleLayout.seeOther(paths.prefix() + "/login")
                    : layout.bare(403, "Not signed in", el("p", "There is no open session: sign in again, then send the"
                            + " form again. Nothing was done."), el("p").add(el("a", "Sign in")
                            .attr("href", paths.prefix() + "/login"))));
            return;
        }
        if (!reads) {
            byte[] body = read(request.getEntityStream());
            request.setEntityStream(new ByteArrayInputStream(body));
            if (!session.get().isCsrf(field(body, ConsoleSessions.CSRF_FIELD))) {
                request.abortWith(layout.bare(403, "Form refused", el("p", "The form did not carry this session's"
                        + " token, so it may not have come from this console's own page. Nothing was done."),
                        el("p").add(el("a", "Back to the console").attr("href", paths.prefix() + "/"))));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!paths.covers(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }

    private boolean isOpen(String path) {
        return path.equals(paths.prefix() + "/login") || path.startsWith(paths.prefix() + "/static/");
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first value of {@code name} in a form body ({@code application/x-www-form-urlencoded}), or null. */
    static String field(byte[] body, String name) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }
}
