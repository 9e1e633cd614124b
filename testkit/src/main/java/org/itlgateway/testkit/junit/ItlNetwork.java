package org.itlgateway.testkit.junit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import org.itlgateway.core.reconciliation.ReconciliationStatus;

/**
 * A typed client of a simulated network's control API: its nodes and their addresses, the simulated clock, faults,
 * the journal of every message, certificates from the network's CA, the logs' parameters, the accounts told to the
 * logs, the ITL's mirror of holdings and reconciliations. It speaks real HTTP, so it steers a network started by
 * {@link ItlNetworkTest} in the test's JVM and one started by {@code ./itl-network} alike ({@link #connect}).
 *
 * <p>Every refusal of the control API is thrown as a {@link Refused} carrying its status and problem detail.
 */
public final class ItlNetwork {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** How often {@code await} asks again while it waits for the network to do something. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final String address;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ItlNetwork(String address) {
        this.address = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }

    /** The client of the control API at {@code controlAddress} (e.g. {@code http://127.0.0.1:8090}). */
    public static ItlNetwork connect(String controlAddress) {
        return new ItlNetwork(Objects.requireNonNull(controlAddress, "control address"));
    }

    /** The control API's address. */
    public String controlAddress() {
        return address;
    }

    /** Every node of the network (ITL, CITL, the registries) with its endpoint and, for a registry, its operator API. */
    public List<Node> nodes() {
        JsonNode nodes = get("/network").path("nodes");
        List<Node> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> node = it.next();
            JsonNode view = node.getValue();
            all.add(new Node(node.getKey(), view.path("endpoint").asText(), view.path("wsdl").asText(),
                    view.hasNonNull("operator") ? view.get("operator").asText() : null));
        }
        return all;
    }

    /** The node with this code. */
    public Node node(String code) {
        return nodes().stream().filter(node -> node.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the network has no node " + code + ": " + nodes()));
    }

    /** The ITL's TransactionLogService address, where a registry sends its proposals. */
    public String itlEndpoint() {
        return node("ITL").endpoint();
    }

    public Clock clock() {
        return new Clock();
    }

    public Faults faults() {
        return new Faults();
    }

    public Journal journal() {
        return new Journal();
    }

    public Certificates certificates() {
        return new Certificates();
    }

    public Reconciliations reconciliations() {
        return new Reconciliations();
    }

    public Accounts accounts() {
        return new Accounts();
    }

    public Profiles profiles() {
        return new Profiles();
    }

    /** What the ITL's mirror holds for a registry, per account and unit type. */
    public Mirror mirror(String registry) {
        return read(get("/mirror?registry=" + encode(registry)), Mirror.class);
    }

    /**
     * Asks again until {@code condition} holds or {@code patience} of wall-clock time has passed (the nodes work in the
     * background); answers whether it held.
     */
    public boolean await(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean held = condition.getAsBoolean();
        while (!held && System.nanoTime() < deadline) {
            pause();
            held = condition.getAsBoolean();
        }
        return held;
    }

    /** A node of the network. */
    public record Node(String code, String endpoint, String wsdl, String operatorApi) {

        /** The registry's operator API, which the simulated registries take proposals at without a token. */
        public Optional<String> operator() {
            return Optional.ofNullable(operatorApi);
        }
    }

    /** The simulated clock every node reads. */
    public final class Clock {

        /** The simulated time now. */
        public Instant now() {
            return reading().now();
        }

        /** The time and whether it runs by itself. */
        public Reading reading() {
            return read(get("/clock"), Reading.class);
        }

        /** Sets the time (forward only: the network never goes back); answers the new reading. */
        public Reading set(Instant instant) {
            return read(post("/clock", Map.of("set", instant.toString())), Reading.class);
        }

        /** Moves the time forward; the nodes then do what fell due. */
        public Reading advance(Duration duration) {
            return read(post("/clock", Map.of("advance", duration.toString())), Reading.class);
        }

        public record Reading(Instant now, boolean running) {
        }
    }

    /** Peers that misbehave: a whole node's faults, and rules that break chosen messages. */
    public final class Faults {

        /** The node refuses every request with HTTP 503, processing nothing. */
        public void unavailable(String node) {
            set(node, "UNAVAILABLE", null, null);
        }

        /** The node answers every request only after {@code delay}. */
        public void slow(String node, Duration delay) {
            set(node, "SLOW", delay.toMillis(), null);
        }

        /** The node holds each request until its caller gives up. */
        public void timeout(String node) {
            set(node, "TIMEOUT", null, null);
        }

        /** The node processes each request and answers with something that is not XML. */
        public void malformedReplies(String node) {
            set(node, "MALFORMED_REPLY", null, null);
        }

        /** The node refuses every request with a receipt of 0 and this response code. */
        public void refuseAll(String node, int code) {
            set(node, "REFUSE_ALL", null, code);
        }

        /** The node behaves again. */
        public void clear(String node) {
            send("DELETE", "/faults/" + encode(node), null);
        }

        /** Adds a rule; answers its identifier. */
        public String add(Rule rule) {
            return post("/faults/rules", rule).path("id").asText();
        }

        /** Removes every rule. */
        public void clearRules() {
            send("DELETE", "/faults/rules", null);
        }

        private void set(String node, String kind, Long millis, Integer code) {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("kind", kind);
            fault.put("millis", millis);
            fault.put("code", code);
            send("PUT", "/faults/" + encode(node), fault);
        }
    }

    /**
     * A fault rule: at one node, on what it receives or sends, for one operation (or every one), the {@code nth}
     * message or each with a {@code probability}: DROP, DUPLICATE, REORDER, DELAY, CONNECTION_RESET, TRUNCATED_BODY
     * or GARBAGE_THEN_CLOSE (docs/simulator.md).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String node, String direction, String operation, String kind, Integer nth, Double probability) {

        /** The {@code nth} (1 for the first) message of {@code operation} that {@code node} receives. */
        public static Rule onReceiving(String node, String operation, String kind, int nth) {
            return new Rule(node, "RECEIVES", operation, kind, nth, null);
        }

        /** The {@code nth} message of {@code operation} that {@code node} sends. */
        public static Rule onSending(String node, String operation, String kind, int nth) {
            return new Rule(node, "SENDS", operation, kind, nth, null);
        }
    }

    /** What every node received and sent, with the signed XML. */
    public final class Journal {

        /** Every entry about the transaction, in order (without the XML). */
        public List<Entry> of(String transaction) {
            return query(transaction, null, false);
        }

        /** The same, with the signed XML of each message. */
        public List<Entry> withXmlOf(String transaction) {
            return query(transaction, null, true);
        }

        /** The entries of one node, about one transaction. */
        public List<Entry> of(String transaction, String node) {
            return query(transaction, node, false);
        }

        /** Whether the entries matching {@code pattern} are as many as it expects. */
        public Verification verify(Expected pattern) {
            return read(post("/journal/verify", pattern), Verification.class);
        }

        /**
         * Asks again until the journal holds what {@code pattern} expects, or {@code patience} of wall-clock time has
         * passed (the nodes work in the background, so what a request starts is seen a little later); answers the
         * last verification either way.
         */
        public Verification await(Expected pattern, Duration patience) {
            long deadline = System.nanoTime() + patience.toNanos();
            Verification last = verify(pattern);
            while (!last.verified() && System.nanoTime() < deadline) {
                pause();
                last = verify(pattern);
            }
            return last;
        }

        private List<Entry> query(String transaction, String node, boolean xml) {
            StringJoiner query = new StringJoiner("&", "?", "");
            query.add("transaction=" + encode(transaction));
            if (node != null) {
                query.add("node=" + encode(node));
            }
            if (xml) {
                query.add("xml=true");
            }
            return List.of(read(get("/journal" + query), Entry[].class));
        }
    }

    /** One message a node received or sent. */
    public record Entry(long id, String node, String direction, String peer, String operation, String transactionId,
                        Instant simulatedTime, Instant realTime, String summary, String outcome, String rawXml) {
    }

    /**
     * What a verification of the journal looks for: the entries of a node (in a direction, of an operation, with a
     * peer, about a transaction), exactly {@code count} of them, or between {@code atLeast} and {@code atMost}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expected(String node, String operation, String transaction, String direction, String peer,
                           Integer count, Integer atLeast, Integer atMost) {

        /** What {@code node} received. */
        public static Expected received(String node) {
            return new Expected(node, null, null, "RECEIVED", null, null, null, null);
        }

        /** What {@code node} sent. */
        public static Expected sent(String node) {
            return new Expected(node, null, null, "SENT", null, null, null, null);
        }

        public Expected operation(String name) {
            return new Expected(node, name, transaction, direction, peer, count, atLeast, atMost);
        }

        public Expected transaction(String id) {
            return new Expected(node, operation, id, direction, peer, count, atLeast, atMost);
        }

        public Expected peer(String code) {
            return new Expected(node, operation, transaction, direction, code, count, atLeast, atMost);
        }

        public Expected times(int exactly) {
            return new Expected(node, operation, transaction, direction, peer, exactly, null, null);
        }

        public Expected atLeast(int lowest) {
            return new Expected(node, operation, transaction, direction, peer, null, lowest, atMost);
        }
    }

    /** The answer of a verification: whether it holds, how many entries matched, and which. */
    public record Verification(boolean verified, int found, String expected, List<Entry> entries) {
    }

    /** Certificates from the network's CA. */
    public final class Certificates {

        /** A signing certificate (EC P-256) whose CN is the registry's code, with its key, the CA and its CRL. */
        public Certificate issue(String code) {
            return read(post("/certificates", Map.of("code", code)), Certificate.class);
        }

        /** The same with the key algorithm named: {@code EC_P256} or {@code RSA_2048}. */
        public Certificate issue(String code, String algorithm) {
            return read(post("/certificates", Map.of("code", code, "algorithm", algorithm)), Certificate.class);
        }
    }

    /** A certificate issued by the network's CA, PEM encoded. */
    public record Certificate(String subject, String certificatePem, String privateKeyPem, String caCertificatePem,
                              String crlPem) {
    }

    /** Reconciliations of the logs (the ITL's unless {@code by} names the CITL). */
    public final class Reconciliations {

        /** Starts the ITL's reconciliation of a registry (snapshot now); answers what was started. */
        public List<Reconciliation> start(String registry) {
            return List.of(read(post("/reconciliations", Map.of("registry", registry)), Reconciliation[].class));
        }

        /** The ITL's reconciliation with this number. */
        public Reconciliation get(long id) {
            return read(ItlNetwork.this.get("/reconciliations/" + id), Reconciliation.class);
        }

        /** Every reconciliation of the ITL of a registry. */
        public List<Reconciliation> of(String registry) {
            return List.of(read(ItlNetwork.this.get("/reconciliations?registry=" + encode(registry)),
                    Reconciliation[].class));
        }

        /** Asks again until the reconciliation is decided or {@code patience} has passed; answers the last reading. */
        public Reconciliation awaitDecided(long id, Duration patience) {
            long deadline = System.nanoTime() + patience.toNanos();
            Reconciliation last = get(id);
            while (!last.decided() && System.nanoTime() < deadline) {
                pause();
                last = get(id);
            }
            return last;
        }

        /** Ends an inconsistency by manual intervention: {@code rightSide} LOG or REGISTRY. */
        public Reconciliation resolve(long id, String operator, String note, String rightSide) {
            return read(post("/reconciliations/" + id + "/resolve",
                    Map.of("operator", operator, "note", note, "rightSide", rightSide)), Reconciliation.class);
        }
    }

    /** A log's reconciliation of a registry: where it stands ({@code phase}), its status, and what it found. */
    public record Reconciliation(long id, String by, String registry, Instant snapshot, String phase,
                                 ReconciliationStatus status, Instant statusAt, String resolvedBy,
                                 List<Finding> results) {

        /** The status's DES code (1 initiated, 2 validated ... 7 start request denied). */
        public int statusCode() {
            return status.code();
        }

        /** Whether the result was sent. */
        public boolean decided() {
            return "DECIDED".equals(phase);
        }
    }

    /** A finding: its response code and its description. */
    public record Finding(String code, String description) {
    }

    /** The accounts told to the logs (whose status they check). */
    public final class Accounts {

        /** Tells the logs of an account ({@code NO-120-77-0}) with its holder and status (OPEN, BLOCKED, CLOSED). */
        public void tell(String account, String holder, String status) {
            send("PUT", "/accounts/" + encode(account), Map.of("holder", holder, "status", status));
        }
    }

    /** The logs' profile parameters (dates, limits, dated rules), read and changed at run time. */
    public final class Profiles {

        /** The parameters of a log (ITL or CITL), as JSON. */
        public JsonNode parametersOf(String log) {
            return get("/parameters").path(log);
        }

        /** Changes some of a log's parameters (the fields given); answers them all. */
        public JsonNode changeParameters(String log, Map<String, ?> changes) {
            return send("PUT", "/parameters/" + encode(log), changes);
        }
    }

    /** The ITL's mirror of a registry's holdings. */
    public record Mirror(String registry, Instant at, long units, List<Holding> accounts) {
    }

    /** Units of one type in one account, as the mirror holds them. */
    public record Holding(String accountType, long accountIdentifier, String accountPeriod, String unitType,
                          int suppUnitType, long units) {
    }

    /** A request the control API refused, with its status and the problem it answered. */
    public static final class Refused extends RuntimeException {

        private final int status;
        private final transient JsonNode problem;

        Refused(String request, int status, JsonNode problem) {
            super(request + " refused with " + status + ": " + problem);
            this.status = status;
            this.problem = problem;
        }

        public int status() {
            return status;
        }

        /** The RFC 9457 problem: {@code title}, {@code detail}, {@code field} ... */
        public JsonNode problem() {
            return problem;
        }
    }

    private JsonNode get(String path) {
        return send("GET", path, null);
    }

    private JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new Refused(method + " " + path, response.statusCode(), json);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + ": the answer is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected answer " + json + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the network", e);
        }
    }
}
