package org.itlgateway.gateway.console;

/** Who may open a console session: the API's token, when it asks for one, and whether it speaks TLS. */
public interface ConsoleAccess {

    /** True when signing in takes a token; an API without one opens a session to whoever reaches it. */
    boolean requiresToken();

    /** True when {@code presented} is the token (compared in constant time), or none is required. */
    boolean accepts(String presented);

    /** True when the API speaks TLS only: the session's cookie is then sent over TLS only. */
    boolean secure();
}
