package org.itlgateway.gateway.http;

/** A local JSON API behind a {@link GuardedHttpServer}: what it answers, and how it words a refusal. */
public interface HttpService {

    /** The answer to a request the server let through. */
    HttpAnswer answer(HttpCall call);

    /**
     * The answer to a request refused before the service saw it (wrong Host, foreign Origin, not JSON, too large) or
     * one that failed unexpectedly: a problem body in the service's own form, with a sentence for people.
     */
    HttpAnswer refusal(int status, String reason);
}
