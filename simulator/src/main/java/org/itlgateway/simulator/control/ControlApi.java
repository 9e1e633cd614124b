package org.itlgateway.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.http.GuardedHttpServer;
import org.itlgateway.gateway.http.HttpAnswer;
import org.itlgateway.gateway.http.HttpCall;
import org.itlgateway.gateway.http.HttpService;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.pki.NodeCodes;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.network.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The testers' control API (REST/JSON), documented in docs/simulator.md:
 * <pre>
 * GET    /network                          nodes, endpoints, WSDLs
 * GET    /clock                            the simulated time
 * POST   /clock   {"set": "2015-06-15T09:00:00Z"} or {"advance": "PT1H"}   then the network does what became due
 * GET    /faults                           faults in effect
 * PUT    /faults/{node} {"kind": "UNAVAILABLE|TIMEOUT|SLOW|MALFORMED_REPLY|REFUSE_ALL", "millis": 0, "code": 0}
 * DELETE /faults/{node}                    clear it
 * GET    /journal?transaction=CDM12&amp;node=ITL&amp;direction=RECEIVED&amp;limit=100&amp;xml=true
 * GET    /journal/{id}                     one entry with its signed XML
 * POST   /certificates {"code": "NO", "algorithm": "EC_P256"}   a certificate and key (PEM) from the network's CA
 * GET    /mirror?registry=NZ                 the ITL's mirror of a registry's holdings: units per account, and in all
 * POST   /reconciliations {"registry": "CDM"} (or "all"; optional "snapshot")   the ITL reconciles now
 * GET    /reconciliations?registry=CDM     reconciliations of a registry; GET /reconciliations/{id} one of them
 * POST   /reconciliations/{id}/resolve {"operator": "...", "note": "..."}   manual intervention (status 6)
 * POST   /notices {"registry": "CDM", "type": 6, "project": 1234, "quantity": 1500, "targetDate": "2014-05-01"}
 *                                          the ITL sends a notice (net source cancellation 1, tCER/lCER expiry 3,
 *                                          excess issuance 6 ...) and follows its fulfilment
 * </pre>
 * Errors answer {"error": "..."} with status 400 or 404; never a stack trace nor an exception's text (a request
 * that fails unexpectedly is answered 500 with a sentence, and logged). It listens on 127.0.0.1 unless told
 * otherwise, on a {@link GuardedHttpServer}: bodies up to 1 MB (413 beyond), {@code limit} up to
 * {@value #MAX_LIMIT}, requests addressed to another host name refused (421), from another origin refused (403),
 * and POST or PUT without {@code Content-Type: application/json} refused (415).
 */
public final class ControlApi implements AutoCloseable, HttpService {

    /** The interface it listens on unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The largest {@code limit} a list takes. */
    static final int MAX_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                    .addSerializer(org.itlgateway.core.registry.RegistryCode.class,
                            com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
                    .addSerializer(org.itlgateway.core.unit.UnitBlockId.class,
                            com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
                    .addSerializer(org.itlgateway.core.transaction.TransactionId.class,
                            com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Network network;
    private GuardedHttpServer server;

    private ControlApi(Network network) {
        this.network = network;
    }

    /** The control API on 127.0.0.1 at {@code port} (0: any free port). */
    public static ControlApi start(Network network, int port) {
        return start(network, DEFAULT_HOST, port);
    }

    /** The control API on {@code host}:{@code port}; anything but a loopback host opens it to the network. */
    public static ControlApi start(Network network, String host, int port) {
        ControlApi api = new ControlApi(network);
        api.server = GuardedHttpServer.start("control-api", host, port, GuardedHttpServer.Limits.defaults(), api);
        return api;
    }

    public String address() {
        String host = server.address().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.address().getPort();
    }

    @Override
    public HttpAnswer answer(HttpCall call) {
        try {
            String path = java.net.URI.create("http://control" + call.rawPath()).getPath();
            return json(200, route(call.method(), path, query(call.rawQuery()), call.body()));
        } catch (NotFound e) {
            return refusal(404, e.getMessage());
        } catch (BadRequest e) {
            return refusal(400, e.getMessage());
        } catch (IllegalArgumentException | DateTimeParseException | IOException e) {
            LOG.info("control API: {} {} refused: {}", call.method(), call.rawPath(), e.toString());
            return refusal(400, "the request could not be read: a field is missing or not in the form docs/simulator.md "
                    + "gives (the simulator's log says which)");
        }
    }

    @Override
    public HttpAnswer refusal(int status, String reason) {
        return json(status, Map.of("error", reason));
    }

    private Object route(String method, String path, Map<String, String> query, byte[] body) throws IOException {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        String resource = parts[0];
        switch (resource) {
            case "network":
                return networkView();
            case "clock":
                if ("POST".equals(method)) {
                    moveClock(JSON.readTree(body));
                }
                return Map.of("now", network.clock().instant(), "running", network.clock().isRunning());
            case "faults":
                if (parts.length == 2 && "PUT".equals(method)) {
                    knownNode(parts[1]);
                    JsonNode fault = JSON.readTree(body);
                    network.faults().set(parts[1], new PeerFault(FaultKind.valueOf(text(fault, "kind")),
                            fault.path("millis").asLong(0), fault.path("code").asInt(0)));
                } else if (parts.length == 2 && "DELETE".equals(method)) {
                    network.faults().clear(parts[1]);
                }
                return network.faults().all();
            case "journal":
                if (parts.length == 2) {
                    return network.journal().find(Long.parseLong(parts[1]))
                            .orElseThrow(() -> new NotFound("no journal entry " + parts[1]));
                }
                List<JournalEntry> entries = network.journal().find(query.get("transaction"), query.get("node"),
                        query.containsKey("direction") ? Direction.valueOf(query.get("direction")) : null,
                        limit(query.getOrDefault("limit", "500")), Boolean.parseBoolean(query.get("xml")));
                return entries;
            case "mirror":
                return mirror(query);
            case "reconciliations":
                return reconciliations(method, parts, query, body);
            case "notices":
                if ("POST".equals(method)) {
                    return notice(JSON.readTree(body));
                }
                throw new NotFound("POST /notices sends an ITL notice");
            case "certificates":
                if ("POST".equals(method)) {
                    return mint(JSON.readTree(body));
                }
                throw new NotFound("POST /certificates {\"code\": \"NO\"} mints a certificate");
            default:
                throw new NotFound("no such resource: " + path + " (see docs/simulator.md)");
        }
    }

    private Map<String, Object> networkView() {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (String node : network.nodes()) {
            String address = network.addressOf(node);
            Map<String, String> view = new LinkedHashMap<>();
            view.put("endpoint", address);
            view.put("wsdl", address + "?wsdl");
            network.operatorAddressOf(node).ifPresent(operator -> view.put("operator", operator));
            nodes.put(node, view);
        }
        return Map.of("nodes", nodes, "clock", network.clock().instant(), "control", address());
    }

    /** The ITL's mirror of a registry's holdings now: the units of each account, and their sum. */
    private Map<String, Object> mirror(Map<String, String> query) {
        String registry = query.get("registry");
        if (registry == null) {
            throw new IllegalArgumentException("say which registry: GET /mirror?registry=NZ");
        }
        var code = org.itlgateway.core.registry.RegistryCode.of(registry);
        var itl = network.stores("ITL");
        List<org.itlgateway.core.holding.HoldingTotal> totals = itl.database()
                .call(() -> itl.snapshots().accountTotalsAsOf(code, network.clock().instant()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("registry", registry);
        answer.put("at", network.clock().instant());
        answer.put("units", totals.stream().mapToLong(org.itlgateway.core.holding.HoldingTotal::units).sum());
        answer.put("accounts", totals);
        return answer;
    }

    private void moveClock(JsonNode request) {
        if (request.hasNonNull("set")) {
            network.clock().set(Instant.parse(request.get("set").asText()));
        } else if (request.hasNonNull("advance")) {
            network.clock().advance(Duration.parse(request.get("advance").asText()));
        } else {
            throw new BadRequest("say {\"set\": \"2015-06-15T09:00:00Z\"} or {\"advance\": \"PT1H\"}");
        }
        network.settle();
    }

    private Map<String, String> mint(JsonNode request) {
        String code = text(request, "code");
        if (!NodeCodes.isNodeCode(code)) {
            throw new BadRequest("a node code is two capital letters, CDM, ITL or CITL, not " + code);
        }
        KeyAlgorithm algorithm = request.hasNonNull("algorithm") ? KeyAlgorithm.valueOf(request.get("algorithm").asText())
                : KeyAlgorithm.EC_P256;
        Credential credential = network.ca().issueNodeCertificate(code, algorithm, Instant.now().minus(Duration.ofDays(1)),
                Duration.ofDays(825));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("subject", credential.subject());
        answer.put("certificatePem", PkiFiles.certificatesPem(credential.chain()));
        answer.put("privateKeyPem", PkiFiles.privateKeyPem(credential.privateKey()));
        answer.put("caCertificatePem", PkiFiles.certificatesPem(List.of(network.ca().certificate())));
        answer.put("crlPem", PkiFiles.crlPem(network.currentCrl()));
        return answer;
    }

    private Object reconciliations(String method, String[] parts, Map<String, String> query, byte[] body)
            throws IOException {
        var driver = network.reconciliation();
        if ("POST".equals(method) && parts.length == 1) {
            JsonNode request = JSON.readTree(body);
            String registry = text(request, "registry");
            List<Long> started;
            if ("all".equalsIgnoreCase(registry)) {
                started = driver.initiateAll();
            } else if (request.hasNonNull("snapshot")) {
                started = List.of(driver.initiate(org.itlgateway.core.registry.RegistryCode.of(registry),
                        Instant.parse(request.get("snapshot").asText())));
            } else {
                started = List.of(driver.initiate(org.itlgateway.core.registry.RegistryCode.of(registry)));
            }
            network.settle();
            return started.stream().map(id -> driver.find(id).orElseThrow()).toList();
        }
        if ("POST".equals(method) && parts.length == 3 && "resolve".equals(parts[2])) {
            JsonNode request = JSON.readTree(body);
            var resolved = driver.resolveManually(Long.parseLong(parts[1]), text(request, "operator"),
                    request.path("note").asText(""));
            network.settle();
            return resolved;
        }
        if (parts.length == 2) {
            return driver.find(Long.parseLong(parts[1])).orElseThrow(() -> new NotFound("no reconciliation " + parts[1]));
        }
        String registry = query.get("registry");
        if (registry == null) {
            throw new BadRequest("say which registry: GET /reconciliations?registry=CDM");
        }
        return driver.ofRegistry(org.itlgateway.core.registry.RegistryCode.of(registry));
    }

    private org.itlgateway.core.notice.Notice notice(JsonNode request) {
        var registry = org.itlgateway.core.registry.RegistryCode.of(text(request, "registry"));
        var type = org.itlgateway.core.notice.NoticeType.fromCode(request.path("type").asInt(0));
        var notice = network.itl().issueNotice(registry, type,
                request.hasNonNull("project") ? request.get("project").asLong() : null,
                request.hasNonNull("period") ? org.itlgateway.core.unit.CommitmentPeriod.fromCode(request.get("period").asInt()) : null,
                request.hasNonNull("unitType") ? org.itlgateway.core.unit.UnitType.valueOf(request.get("unitType").asText()) : null,
                request.hasNonNull("quantity") ? request.get("quantity").asLong() : null,
                request.hasNonNull("targetDate") ? java.time.LocalDate.parse(request.get("targetDate").asText()) : null,
                request.path("content").asText(""));
        network.settle();
        return notice;
    }

    private void knownNode(String node) {
        if (!network.nodes().contains(node)) {
            throw new NotFound("no node " + node + "; the nodes are " + network.nodes());
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            throw new BadRequest("the request needs \"" + field + "\"");
        }
        return node.get(field).asText();
    }

    /** The {@code limit} of a list: a whole number from 1 to {@value #MAX_LIMIT}. */
    private static int limit(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("limit is a whole number from 1 to " + MAX_LIMIT + ", not " + (text.length() > 20 ? text.substring(0, 20) + "..." : text));
        }
        return limit;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static HttpAnswer json(int status, Object body) {
        try {
            return HttpAnswer.json(status, JSON.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be written as JSON", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** A request that cannot be answered as asked, in our own words. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
