package org.itlgateway.simulator.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.simulator.terminal.Progress;

/**
 * One seed of the chaos run: the simulated network and a registry's gateway (New Zealand's) as separate processes;
 * New Zealand receives a stock of CERs from the CDM registry, then a load of transfers to the simulated registries
 * is proposed through its operator API while the gateway (and, in some seeds, its PostgreSQL) is killed with
 * SIGKILL at the plan's moments and restarted. Once quiet, {@link Invariants} are checked.
 */
final class ChaosRun {

    static final String REGISTRY = "NZ";
    static final String ACCOUNT = "NZ-120-77-0";
    static final long PROJECT = 1234;
    static final Instant START = Instant.parse("2016-09-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChaosPlan plan;
    private final Path work;
    private final boolean embeddedDatabase;
    private final Duration quietLimit;
    private final PrintStream out;

    private SimulatedNetwork network;
    private RegistryDatabase database;
    private RegistryGatewayProcess gateway;
    private final List<Transfer> transfers = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean registryDown;
    private long issued;
    private Instant lastKill;
    private Instant lastRestart;

    ChaosRun(ChaosPlan plan, Path work, boolean embeddedDatabase, Duration quietLimit, PrintStream out) {
        this.plan = plan;
        this.work = work;
        this.embeddedDatabase = embeddedDatabase;
        this.quietLimit = quietLimit;
        this.out = out;
    }

    ChaosResult run() throws Exception {
        Instant began = Instant.now();
        Thread stopOnInterrupt = new Thread(this::stopEverything, "chaos-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt); // Ctrl-C leaves no process of the run behind
        try {
            startEverything();
            receiveStock();
            out.printf("  %s stock received, load starts%n", Instant.now());
            Thread load = new Thread(this::propose, "chaos-load");
            load.start();
            int kills = killAndRestart();
            load.join();
            resolveUnknown();
            Instant loadDone = Instant.now();
            if (lastRestart == null) {
                lastRestart = loadDone;
            }
            out.printf("  %s load done%n", loadDone);
            Duration quiet = waitUntilQuiet();
            out.printf("  %s %s%n", Instant.now(), quiet != null ? "quiet" : "not quiet within the limit");
            readFinalStatuses(); // every transfer's, also when the wait stopped at the first one not final
            Invariants invariants = new Invariants(network, gateway.operator(), transfers, issued, quietLimit);
            List<Invariants.Result> results = new ArrayList<>(invariants.check(quiet != null));
            results.add(archiveVerifies());
            return new ChaosResult(plan, kills, transfers, quiet, Duration.between(lastKill == null ? loadDone : lastKill,
                    lastRestart), results, Duration.between(began, Instant.now()));
        } finally {
            keepJournal();
            stopEverything();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // stopped by a signal: the hook has run
            }
        }
    }

    /** The ITL's journal (without the XML) kept beside the logs, to see afterwards what each delivery met. */
    private void keepJournal() {
        try {
            if (network != null) {
                Files.writeString(work.resolve("logs").resolve("itl-journal.json"),
                        network.control().get("/journal?node=ITL&limit=1000").text());
            }
        } catch (IOException | RuntimeException e) {
            out.println("  (the ITL's journal could not be kept: " + e.getMessage() + ")");
        }
    }

    // ---- start ----

    private void startEverything() throws IOException {
        Path pki = Files.createDirectories(work.resolve("pki"));
        Path profiles = Files.createDirectories(work.resolve("profiles"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        if (PkiTool.run("init-ca", "--dir", pki.toString()) != 0 || PkiTool.run("issue", "--dir", pki.toString(), REGISTRY) != 0
                || PkiTool.run("crl", "--dir", pki.toString()) != 0) {
            throw new IllegalStateException("the PKI tool failed");
        }
        String endpoint = "http://127.0.0.1:" + FreePorts.next() + "/registry";
        Files.writeString(profiles.resolve("nz.json"), """
                { "code": "NZ", "name": "New Zealand registry (under chaos)", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s",
                  "accounts": [ { "type": 120, "identifier": 77, "period": 0, "holder": "Kiwi holder" } ] }
                """.formatted(endpoint));
        List<String> databaseArguments;
        if (embeddedDatabase) {
            databaseArguments = List.of("--data-dir", work.resolve("registry-db").toString());
        } else {
            database = new RegistryDatabase(work.resolve("registry-db"), FreePorts.next(), logs.resolve("registry-db.log"));
            database.start();
            databaseArguments = List.of("--jdbc-url", database.jdbcUrl());
        }
        network = SimulatedNetwork.start(pki, profiles, work.resolve("network-db"), START, FreePorts.next(), logs.resolve("network.log"));
        gateway = new RegistryGatewayProcess(REGISTRY, pki, network.endpointOf("ITL"), endpoint, FreePorts.next(),
                databaseArguments, logs);
        gateway.start(network.controlAddress());
        JsonHttp.Answer opened = gateway.operator().post("/accounts",
                "{\"type\":120,\"identifier\":77,\"period\":0,\"holder\":\"Kiwi holder\"}");
        if (opened.status() != 201) {
            throw new IllegalStateException("account " + ACCOUNT + " not opened: " + opened);
        }
    }

    private synchronized void stopEverything() {
        for (Runnable stop : List.<Runnable>of(() -> gateway.stop(), () -> network.stop(), () -> database.stop())) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                // a part that never started
            }
        }
        postmasterOf(work.resolve("network-db")).ifPresent(JavaProcess::killPid);
        if (embeddedDatabase) {
            postmasterOf(work.resolve("registry-db")).ifPresent(JavaProcess::killPid);
        }
    }

    // ---- the stock: CDM issues, forwards to New Zealand ----

    private void receiveStock() throws IOException {
        long needed = plan.units();
        issued = needed + needed / 40 + 10; // the 2% share of proceeds stays in the CDM registry
        JsonHttp cdm = network.operatorOf("CDM");
        String issuance = propose(cdm, "{\"operation\":\"issue\",\"project\":%d,\"period\":2,\"quantity\":%d}"
                .formatted(PROJECT, issued));
        awaitCompleted(cdm, issuance);
        String forwarding = propose(cdm, "{\"operation\":\"forward\",\"to\":\"%s\",\"project\":%d,\"quantity\":%d}"
                .formatted(ACCOUNT, PROJECT, needed));
        awaitCompleted(cdm, forwarding);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        JsonNode holdings;
        while (true) {
            holdings = gateway.operator().read("/accounts/" + ACCOUNT + "/holdings");
            if (holdings.path("account").path("units").asLong() == needed) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(REGISTRY + " did not receive its stock: " + holdings);
            }
            RegistryDatabase.pause(250);
        }
        List<JsonNode> blocks = new ArrayList<>();
        holdings.path("blocks").forEach(blocks::add);
        blocks.sort(Comparator.comparingLong(block -> block.path("start").asLong()));
        carve(blocks);
    }

    /** Gives every planned transfer its own serials, in order, out of the stock's blocks. */
    private void carve(List<JsonNode> stock) {
        int blockIndex = 0;
        long next = stock.get(0).path("start").asLong();
        for (ChaosPlan.PlannedTransfer planned : plan.transfers()) {
            List<JsonNode> blocks = new ArrayList<>();
            long left = planned.quantity();
            while (left > 0) {
                JsonNode block = stock.get(blockIndex);
                long end = Math.min(block.path("end").asLong(), next + left - 1);
                ObjectNode piece = ((ObjectNode) block.deepCopy());
                piece.remove(List.of("quantity", "reservedBy"));
                piece.put("start", next).put("end", end);
                blocks.add(piece);
                left -= end - next + 1;
                if (end == block.path("end").asLong()) {
                    blockIndex++;
                    next = blockIndex < stock.size() ? stock.get(blockIndex).path("start").asLong() : -1;
                } else {
                    next = end + 1;
                }
            }
            transfers.add(new Transfer(planned, blocks));
        }
    }

    private static String propose(JsonHttp operator, String body) throws IOException {
        JsonHttp.Answer answer = operator.post("/transactions", body);
        if (answer.status() != 202) {
            throw new IllegalStateException("the proposal " + body + " was answered " + answer);
        }
        return answer.json().path("transaction").asText();
    }

    private static void awaitCompleted(JsonHttp operator, String transaction) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            JsonNode seen = operator.read("/transactions/" + transaction);
            if (seen.path("final").asBoolean()) {
                if (seen.path("status").path("code").asInt() != 4) {
                    throw new IllegalStateException(transaction + " ended without completing: " + seen);
                }
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(transaction + " did not complete: " + seen);
            }
            RegistryDatabase.pause(200);
        }
    }

    // ---- the load ----

    private void propose() {
        try (Progress progress = Progress.of("chaos: proposals", transfers.size())) {
            proposeEach(progress);
        }
    }

    private void proposeEach(Progress progress) {
        JsonHttp operator = gateway.operator();
        for (Transfer transfer : transfers) {
            ObjectNode body = JSON.createObjectNode().put("kind", "EXTERNAL_TRANSFER")
                    .put("transferringAccount", ACCOUNT).put("acquiringAccount", transfer.plan.acquiringAccount());
            body.putArray("blocks").addAll(transfer.blocks);
            while (true) {
                try {
                    JsonHttp.Answer answer = operator.post("/transactions", body.toString());
                    transfer.answer = answer.status() + "";
                    if (answer.status() == 202) {
                        transfer.id = answer.json().path("transaction").asText();
                        transfer.state = Transfer.State.ACCEPTED;
                    } else if (answer.status() == 422) {
                        transfer.answer = answer.toString();
                        transfer.state = Transfer.State.REFUSED;
                    } else {
                        transfer.answer = answer.toString();
                        transfer.state = Transfer.State.UNKNOWN;
                    }
                    break;
                } catch (IOException e) {
                    if (neverSent(e)) {
                        RegistryDatabase.pause(100); // the registry is down: nothing was sent, send it again
                        continue;
                    }
                    transfer.answer = String.valueOf(e);
                    transfer.state = Transfer.State.UNKNOWN;
                    break;
                }
            }
            progress.stepTo(sent.incrementAndGet());
        }
    }

    private static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    // ---- the kills ----

    private int killAndRestart() throws IOException {
        int kills = 0;
        for (ChaosPlan.PlannedKill kill : plan.kills()) {
            while (sent.get() < kill.afterProposals()) {
                RegistryDatabase.pause(20);
            }
            RegistryDatabase.pause(kill.delayMillis());
            lastKill = Instant.now();
            switch (kill.target()) {
                case GATEWAY -> gateway.kill();
                case GATEWAY_AND_DATABASE -> {
                    gateway.kill();
                    database.kill();
                }
                case DATABASE -> database.kill();
            }
            kills++;
            out.printf("  %s kill %d (%s) after %d proposals%n", lastKill, kills, kill.target(), sent.get());
            RegistryDatabase.pause(kill.downMillis());
            if (kill.target() != ChaosPlan.Target.GATEWAY) {
                database.start();
            }
            if (kill.target() != ChaosPlan.Target.DATABASE) {
                gateway.start(network.controlAddress());
            }
            lastRestart = Instant.now();
            out.printf("  %s up again%n", lastRestart);
            resolveUnknown();
        }
        return kills;
    }

    /**
     * Looks up the proposals whose answer a kill cut off: among the registry's transactions whose identifiers no
     * answer gave (NZ1, NZ2, ... up to a few past the highest known), by their first serial. A proposal not found
     * stays "not recorded" only for now: a request cut off while PostgreSQL was down may still be waiting in the
     * gateway for a connection and commit once the database is back, so the lookup is repeated until quiet.
     */
    private void resolveUnknown() throws IOException {
        List<Transfer> open = transfers.stream()
                .filter(t -> t.state == Transfer.State.UNKNOWN || t.state == Transfer.State.NOT_RECORDED).toList();
        if (open.isEmpty()) {
            return;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        int highest = 0;
        for (Transfer transfer : transfers) {
            if (transfer.id != null) {
                known.add(transfer.id);
                highest = Math.max(highest, numberOf(transfer.id));
            }
        }
        JsonHttp operator = gateway.operator();
        Map<Long, String> byFirstSerial = new HashMap<>();
        for (int n = 1; n <= highest + 5 + open.size(); n++) {
            String id = REGISTRY + n;
            if (known.contains(id)) {
                continue;
            }
            JsonHttp.Answer answer = operator.get("/transactions/" + id);
            if (answer.status() == 200 && answer.json() != null) {
                JsonNode first = answer.json().path("blocks").path(0);
                if (!first.isMissingNode()) {
                    byFirstSerial.put(first.path("start").asLong(), id);
                }
            }
        }
        for (Transfer transfer : open) {
            String id = byFirstSerial.get(transfer.firstSerial());
            if (id != null) {
                transfer.id = id;
                transfer.state = Transfer.State.FOUND_AFTER_KILL;
            } else {
                transfer.state = Transfer.State.NOT_RECORDED;
            }
        }
    }

    private static int numberOf(String id) {
        try {
            return Integer.parseInt(id.substring(REGISTRY.length()));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    // ---- quiet ----

    /** Waits until every recorded transfer is final and every acquiring registry was credited; from the last restart. */
    private Duration waitUntilQuiet() throws IOException {
        Instant deadline = Instant.now().plus(quietLimit);
        JsonHttp operator = gateway.operator();
        try (Progress progress = Progress.of("chaos: final", transfers.size())) {
            while (Instant.now().isBefore(deadline)) {
                resolveUnknown();
                boolean allFinal = true;
                for (Transfer transfer : transfers) {
                    if (transfer.recorded() && transfer.finalStatus == 0) {
                        JsonNode seen = operator.read("/transactions/" + transfer.id);
                        if (seen.path("final").asBoolean()) {
                            transfer.finalStatus = seen.path("status").path("code").asInt();
                        } else {
                            allFinal = false;
                            break;
                        }
                    }
                }
                progress.stepTo(transfers.stream().filter(transfer -> !transfer.recorded() || transfer.finalStatus != 0)
                        .count());
                if (allFinal && Invariants.acquirersCredited(network, transfers).isEmpty()) {
                    return Duration.between(lastRestart, Instant.now());
                }
                RegistryDatabase.pause(250);
            }
        }
        return null;
    }

    /** Reads the status of every recorded transfer not yet known to be final, once. */
    private void readFinalStatuses() throws IOException {
        JsonHttp operator = gateway.operator();
        for (Transfer transfer : transfers) {
            if (transfer.recorded() && transfer.finalStatus == 0) {
                JsonNode seen = operator.read("/transactions/" + transfer.id);
                if (seen.path("final").asBoolean()) {
                    transfer.finalStatus = seen.path("status").path("code").asInt();
                }
            }
        }
    }

    // ---- the evidence archive ----

    /** {@code verify-archive} on the registry's database, after the kills and the other checks ({@link ArchiveCheck}). */
    private Invariants.Result archiveVerifies() {
        try {
            String jdbcUrl = embeddedDatabase ? ArchiveCheck.embeddedJdbcUrl(work.resolve("registry-db")) : database.jdbcUrl();
            return ArchiveCheck.of(jdbcUrl, REGISTRY.toLowerCase(java.util.Locale.ROOT), work.resolve("pki"), START);
        } catch (IOException | RuntimeException e) {
            return new Invariants.Result(ArchiveCheck.NAME, false, "the registry's database could not be reached: " + e);
        }
    }

    // ---- helpers ----

    private static java.util.Optional<Long> postmasterOf(Path dataDirectory) {
        try {
            Path pid = dataDirectory.resolve("postmaster.pid");
            return Files.exists(pid) ? java.util.Optional.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()))
                    : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

}
