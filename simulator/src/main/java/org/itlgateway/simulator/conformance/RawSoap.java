package org.itlgateway.simulator.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** A message sent again exactly as it was signed (a replay), over plain HTTP, and how it was answered. */
final class RawSoap {

    private static final Pattern ACCEPTED = Pattern.compile("resultIdentifier>\\s*1\\s*<");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawSoap() {
    }

    /** The answer: the HTTP status and the body. */
    record Answer(int status, String body) {

        /** Whether the answer is a receipt that took the message in (receipt 1). */
        boolean accepted() {
            return status == 200 && ACCEPTED.matcher(body).find();
        }

        String summary() {
            String text = body.replaceAll("\\s+", " ");
            int fault = text.indexOf("faultstring");
            String shown = fault >= 0 ? text.substring(fault, Math.min(text.length(), fault + 200)) : text;
            return "HTTP " + status + " " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
        }
    }

    static Answer post(String address, String soapAction, String xml) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(address))
                    .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"" + soapAction + "\"")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConformanceFailure("interrupted while sending to " + address);
        }
    }
}
