package org.itlgateway.gateway.console;

import static org.itlgateway.gateway.console.Html.el;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.itlgateway.gateway.console.Html.Element;

/**
 * Signing in and out of the console: {@code GET /console/login} asks for the API's token (the same the JSON API
 * takes as a bearer token), {@code POST /console/login} opens a session when it is the token and sends the browser
 * to the console, {@code POST /console/logout} ends the session (its form carries the CSRF token).
 */
@Path("console")
@Produces(ConsoleLayout.HTML)
public final class SignIn {

    private final ConsoleAccess access;
    private final ConsoleSessions sessions;
    private final ConsoleLayout layout;

    public SignIn(ConsoleAccess access, ConsoleSessions sessions, ConsoleLayout layout) {
        this.access = access;
        this.sessions = sessions;
        this.layout = layout;
    }

    @GET
    @Path("login")
    public Response form(@CookieParam(ConsoleSessions.COOKIE) String id) {
        if (sessions.find(id).isPresent()) {
            return ConsoleLayout.seeOther(layout.prefix() + "/");
        }
        return layout.bare(200, "Sign in", loginForm(null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token) {
        if (!access.accepts(token)) {
            return layout.bare(401, "Sign in", loginForm("That is not this API's token. Nothing was opened."));
        }
        ConsoleSessions.Opened opened = sessions.open();
        return ConsoleLayout.seeOtherBuilder(layout.prefix() + "/")
                .header("Set-Cookie", sessions.cookie(opened, access.secure())).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String id) {
        sessions.close(id);
        return ConsoleLayout.seeOtherBuilder(layout.prefix() + "/login")
                .header("Set-Cookie", sessions.forgetting(access.secure())).build();
    }

    private Element loginForm(String refusal) {
        Element form = el("form").attr("method", "post").attr("action", layout.prefix() + "/login").cls("panel");
        if (refusal != null) {
            form.add(el("p", refusal).cls("refusal").attr("role", "alert"));
        }
        if (access.requiresToken()) {
            form.add(el("p", "Give the operator API's token: the one its bearer requests carry (ITL_REGISTRY_OPERATOR_TOKEN,"
                            + " or the operator-token file)."),
                    el("label").add(Html.text("Token "), el("input").attr("type", "password").attr("name", "token")
                            .attr("id", "token").attr("autocomplete", "current-password").flag("required", true)
                            .flag("autofocus", true)));
        } else {
            form.add(el("p", "This API asks for no token (it listens for testers on this machine only)."));
        }
        return form.add(el("button", "Sign in").attr("type", "submit").attr("id", "sign-in"));
    }
}
