package org.itlgateway.gateway.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method that returns a JAX-RS {@code Response} answers when it succeeds, for the API's OpenAPI
 * document ({@link OpenApi}): its statuses and the type of its body.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Answers {

    /** The statuses of a success, e.g. {@code {201}} or {@code {200, 202}}. */
    int[] status() default {200};

    /** The body's type; {@code Void.class} for none. */
    Class<?> body() default Void.class;

    /** A sentence on the route, the document's summary. */
    String summary() default "";
}
