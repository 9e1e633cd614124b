package org.itlgateway.gateway.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's two served files, {@code /console/static/console.css} and {@code /console/static/console.js}: the
 * only style and script its pages use, for the content security policy admits no inline ones.
 */
@Path("console/static")
public final class ConsoleFiles {

    private static final Map<String, String> FILES = Map.of(
            "console.css", "text/css;charset=utf-8",
            "console.js", "text/javascript;charset=utf-8");

    private final Map<String, byte[]> contents;

    public ConsoleFiles() {
        this.contents = Map.of("console.css", load("console.css"), "console.js", load("console.js"));
    }

    @GET
    @Path("{name}")
    public Response file(@PathParam("name") String name) {
        byte[] content = contents.get(name);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, FILES.get(name)).build();
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
