package org.itlgateway.simulator.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hostile request as bytes on the wire (with its content type and SOAPAction), and what came back: a fault
 * with a refusal code, a receipt with resultIdentifier 0 and codes, or a receipt of 1.
 */
public record Attempt(byte[] body, String contentType, String soapAction) {

    public static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:transactionlog/acceptProposal";
    private static final String XML = "text/xml; charset=UTF-8";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern RESPONSE_CODE = Pattern.compile("<(?:\\w+:)?responseCode>(\\d+)</");
    private static final Pattern RESULT = Pattern.compile("<(?:\\w+:)?resultIdentifier>(\\d)</");

    public static Attempt of(String xml) {
        return new Attempt(xml.getBytes(StandardCharsets.UTF_8), XML, ACCEPT_PROPOSAL);
    }

    public static Attempt of(byte[] bytes) {
        return new Attempt(bytes, XML, ACCEPT_PROPOSAL);
    }

    public Attempt withContentType(String value) {
        return new Attempt(body, value, soapAction);
    }

    public Attempt withSoapAction(String value) {
        return new Attempt(body, contentType, value);
    }

    /** What the node answered. */
    public record Answer(int httpStatus, boolean receipted, int code, String body) {

        public boolean refused() {
            return !receipted;
        }

        @Override
        public String toString() {
            return "HTTP " + httpStatus + (receipted ? " receipt 1" : " refused " + code)
                    + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    public Answer sendTo(String address) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (soapAction != null) {
                request.header("SOAPAction", soapAction);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Matcher result = RESULT.matcher(text);
            boolean receipted = response.statusCode() == 200 && result.find() && "1".equals(result.group(1));
            Matcher code = RESPONSE_CODE.matcher(text);
            return new Answer(response.statusCode(), receipted, code.find() ? Integer.parseInt(code.group(1)) : -1, text);
        } catch (IOException e) {
            // the connection was cut: refused without a code (the suite then checks that the node is unharmed)
            return new Answer(-1, false, -1, "connection closed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
