package org.itlgateway.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts raw bytes to an endpoint, as a hostile or careless peer would, and reads the refusal code. */
public final class RawSoap {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern REFUSAL_CODE = Pattern.compile("<(?:\\w+:)?responseCode>(\\d+)</");

    private RawSoap() {
    }

    public static HttpResponse<String> post(String address, String soapAction, byte[] body) {
        return post(address, soapAction, "text/xml; charset=UTF-8", body);
    }

    /** The same with a content type of the caller's choosing (e.g. {@code multipart/related}). */
    public static HttpResponse<String> post(String address, String soapAction, String contentType, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .header("SOAPAction", soapAction)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response code in a fault's refusal detail, or -1. */
    public static int refusalCode(String responseBody) {
        Matcher m = REFUSAL_CODE.matcher(responseBody);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
