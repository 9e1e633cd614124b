package org.itlgateway.gateway.console;

import static org.itlgateway.gateway.console.Html.el;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.itlgateway.gateway.console.Html.Element;
import org.itlgateway.gateway.console.Html.Node;

/**
 * The frame of every console page: the title, the console's name and its menu, the sign-out button (with the
 * session's CSRF token), then the page's own content; one stylesheet and one script, both served files (the
 * content security policy admits no inline script or style). A page that follows something under way names how
 * often it is reloaded ({@code data-refresh}, read by the script).
 */
public final class ConsoleLayout {

    /** The media type of every page. */
    public static final String HTML = "text/html;charset=utf-8";

    /** An entry of the menu. */
    public record Link(String label, String href) {
    }

    private final String prefix;
    private final String brand;
    private final List<Link> menu;

    /**
     * @param prefix the console's path, e.g. {@code /console}
     * @param brand  the console's name, shown on every page
     * @param menu   the menu's entries
     */
    public ConsoleLayout(String prefix, String brand, List<Link> menu) {
        this.prefix = prefix;
        this.brand = brand;
        this.menu = List.copyOf(menu);
    }

    /** The console's path, e.g. {@code /console}. */
    public String prefix() {
        return prefix;
    }

    /** A page of a signed-in session, answered with {@code status}. */
    public Response page(int status, String title, ConsoleSessions.Session session, Integer refreshSeconds,
                         Node... content) {
        Element nav = el("nav");
        for (Link link : menu) {
            nav.add(el("a", link.label()).attr("href", link.href()));
        }
        if (session != null) {
            nav.add(el("form").attr("method", "post").attr("action", prefix + "/logout").cls("inline")
                    .add(csrf(session), el("button", "Sign out").attr("type", "submit").cls("link")));
        }
        Element body = el("body").add(el("header").add(el("span", brand).cls("brand"), nav),
                el("main").add(el("h1", title)).add(content));
        if (refreshSeconds != null) {
            body.attr("data-refresh", refreshSeconds);
        }
        return answer(status, document(title, body));
    }

    /** A page outside any session (signing in, a refusal). */
    public Response bare(int status, String title, Node... content) {
        return answer(status, document(title, el("body").add(el("header").add(el("span", brand).cls("brand")),
                el("main").add(el("h1", title)).add(content))));
    }

    /**
     * See other: where to go after a form was taken. The {@code Location} is the path alone: made absolute, it would
     * name the host the server calls itself ({@code localhost}) rather than the one the browser asked
     * ({@code 127.0.0.1}), another origin, whose cookie is another.
     */
    public static Response seeOther(String path) {
        return seeOtherBuilder(path).build();
    }

    /** The same, to add headers to. */
    public static Response.ResponseBuilder seeOtherBuilder(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a path of this site, not " + path);
        }
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }

    /** The hidden field carrying the session's CSRF token, for every form that posts. */
    public static Element csrf(ConsoleSessions.Session session) {
        return el("input").attr("type", "hidden").attr("name", ConsoleSessions.CSRF_FIELD).attr("value", session.csrf());
    }

    private String document(String title, Element body) {
        return Html.document(el("html").attr("lang", "en").add(
                el("head").add(el("meta").attr("charset", "utf-8"),
                        el("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1"),
                        el("title", title + " - " + brand),
                        el("link").attr("rel", "stylesheet").attr("href", prefix + "/static/console.css"),
                        el("script").attr("src", prefix + "/static/console.js").flag("defer", true)),
                body));
    }

    private static Response answer(int status, String html) {
        return Response.status(status).type(HTML).entity(html).build();
    }
}
