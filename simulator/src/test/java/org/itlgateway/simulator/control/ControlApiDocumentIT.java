package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API's OpenAPI document as served must be the one kept in {@code docs/control-api.openapi.json}. */
class ControlApiDocumentIT {

    /** Rewrites the document in docs/ from what the API serves: {@code -Dopenapi.write=true}. */
    private static final String WRITE = "openapi.write";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static ControlApi control;

    @BeforeAll
    static void start() {
        control = ControlApi.start(TestNetwork.get(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        control.close();
    }

    @Test
    void theServedOpenApiDocumentIsTheOneKeptInDocs() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(control.address() + "/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode served = JSON.readTree(answer.body());
        Path kept = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent()
                .resolve("docs").resolve("control-api.openapi.json");
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(kept, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(served, Files.exists(kept) ? JSON.readTree(kept.toFile()) : null, kept + " is not the document the "
                + "control API serves; after changing the API, rewrite it: mvn -pl simulator -am verify -Dtest=none "
                + "-Dit.test=ControlApiDocumentIT -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true");
    }
}
