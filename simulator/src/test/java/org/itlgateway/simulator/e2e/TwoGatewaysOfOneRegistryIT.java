package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.leadership.DutiesLease;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.GatewayProcess;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.OwnGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole {@code ./itl-registry} processes of one registry (New Zealand) on one PostgreSQL, beside the simulated
 * network: the ITL calls instance A's address, instance B shares A's database (same schema) and works its inbox,
 * outbox and duties too. Transfers are proposed through both operator APIs; A is killed with SIGKILL while they are
 * in flight and started again on the same address, then B is killed and started again. Every transfer still
 * completes exactly once, and only one instance at a time holds the duties.
 */
class TwoGatewaysOfOneRegistryIT {

    /** Both instances of the registry take the same operator token, as one operator's would. */
    private static final String OPERATOR_TOKEN = "two-instances-operator-token";

    private static final String SCHEMA = "nz_gateway";
    private static final int TRANSFERS = 10;
    private static final int UNITS_EACH = 10;
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path pki;
    @TempDir
    Path profiles;
    @TempDir
    Path logs;

    private Network network;
    private final List<GatewayProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(GatewayProcess::close);
        if (network != null) {
            network.close();
        }
    }

    @Test
    void everyTransferCompletesExactlyOnceWhileEitherOfTwoInstancesIsKilledAndRestarted() throws Exception {
        OwnGateways.issueCertificate(pki, "NZ");
        String addressA = OwnGateways.freeRegistryAddress();
        String addressB = OwnGateways.freeRegistryAddress();
        int operatorA = FreePorts.next();
        int operatorB = FreePorts.next();
        OwnGateways.writeNewZealandProfile(profiles, addressA);
        // a generous receipt timeout: this test shares a loaded machine with three JVMs of its own
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles)
                .withClientTimeout(Duration.ofSeconds(30)));
        PkiFiles.writeCertificates(pki.resolve("network-ca.crt.pem"), List.of(network.ca().certificate()));
        PkiFiles.writeCrl(pki.resolve("network-crl.pem"), network.currentCrl());
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        network.clock().run();

        GatewayProcess a = start("a", addressA, operatorA);
        GatewayProcess b = start("b", addressB, operatorB);
        OperatorClient viaA = new OperatorClient("http://127.0.0.1:" + operatorA, OPERATOR_TOKEN);
        OperatorClient viaB = new OperatorClient("http://127.0.0.1:" + operatorB, OPERATOR_TOKEN);
        assertEquals(201, viaA.post("/accounts", "{\"type\":120,\"identifier\":77,\"period\":0,\"holder\":\"Kiwi holder\"}").status());

        TransactionId incoming = cdm.transfer(held, CdmActions.account("NZ", 77), 4321, TRANSFERS * UNITS_EACH,
                network.clock().instant().toString());
        awaitQuiet("the CDM's transfer to New Zealand completes",
                () -> cdm.at("CDM", incoming).status() == TransactionStatus.COMPLETED && quantity(viaB) == TRANSFERS * UNITS_EACH);
        long first = viaB.get("/accounts/NZ-120-77-0/holdings").json().path("blocks").get(0).path("start").asLong();
        AccountRef japan = CdmActions.account("JP", 20045);
        long japanBefore = cdm.heldBy("JP", japan);

        Map<TransactionId, Long> proposed = new HashMap<>();
        for (int i = 0; i < TRANSFERS; i++) {
            if (i == TRANSFERS / 2) {
                a.kill(); // while the first half is on its way through the ITL and Japan
                assertFalse(a.isAlive());
            }
            if (i == TRANSFERS / 2 + 2) {
                a = start("a-again", addressA, operatorA);
            }
            if (i == TRANSFERS / 2 + 3) {
                b.kill(); // the other instance now, with what it had claimed on its way
                assertFalse(b.isAlive());
            }
            if (i == TRANSFERS / 2 + 4) {
                b = start("b-again", addressB, operatorB);
            }
            boolean throughA = a.isAlive() && (i % 2 == 0 || !b.isAlive());
            long start = first + (long) i * UNITS_EACH;
            proposed.put(propose(throughA ? viaA : viaB, start), start);
        }

        // final at all three: New Zealand completes first, then confirms to the ITL from its own process
        awaitQuiet("every proposed transfer is final in New Zealand, at the ITL and in Japan", () -> proposed.keySet().stream()
                .allMatch(id -> statusIn(viaB, id) == TransactionStatus.COMPLETED.code()
                        && cdm.at("ITL", id).status() == TransactionStatus.COMPLETED
                        && cdm.at("JP", id).status() == TransactionStatus.COMPLETED));

        for (Map.Entry<TransactionId, Long> transfer : proposed.entrySet()) {
            TransactionId id = transfer.getKey();
            assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status(), id::toString);
            assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status(), id::toString);
            SerialRange moved = SerialRange.of(transfer.getValue(), transfer.getValue() + UNITS_EACH - 1);
            assertEquals(UNITS_EACH, cdm.holdersIn("JP", new UnitBlockId(RegistryCode.CDM, moved)).stream()
                            .mapToLong(holder -> overlap(holder.block().id().range(), moved)).sum(),
                    "each serial of " + id + " held once in Japan");
            assertEquals(Map.of("LOG_ACCEPT_PROPOSAL", 1L, "LOG_ACCEPT_NOTIFICATION", 1L), outboxRowsAbout(id),
                    "New Zealand proposed " + id + " once and confirmed its completion once");
        }
        assertEquals(0, quantity(viaB), "everything New Zealand held went to Japan");
        assertEquals(japanBefore + TRANSFERS * UNITS_EACH, cdm.heldBy("JP", japan), "and arrived there once");
        assertEquals(1, leaseHolders(), "one instance does New Zealand's duties");
    }

    private GatewayProcess start(String name, String endpoint, int operatorPort) {
        DatabaseSettings.External database = network.databaseServer().server();
        List<String> options = new ArrayList<>(List.of(
                "--code", "NZ", "--itl", network.addressOf("ITL"), "--endpoint", endpoint,
                "--certificate", pki.resolve("NZ.crt.pem").toString(), "--private-key", pki.resolve("NZ.key.pem").toString(),
                "--trust-anchor", pki.resolve("network-ca.crt.pem").toString(), "--crl", pki.resolve("network-crl.pem").toString(),
                "--jdbc-url", database.jdbcUrl(), "--jdbc-user", database.user(), "--schema", SCHEMA,
                "--operator-port", Integer.toString(operatorPort), "--operator-token", OPERATOR_TOKEN,
                "--start", network.clock().instant().toString()));
        if (database.password() != null) {
            options.addAll(List.of("--jdbc-password", database.password()));
        }
        GatewayProcess process = GatewayProcess.start(options, logs.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private static TransactionId propose(OperatorClient operator, long start) {
        OperatorClient.Answer answer = operator.post("/transactions", """
                {"kind": "EXTERNAL_TRANSFER", "transferringAccount": "NZ-120-77-0", "acquiringAccount": "JP-120-20045-0",
                 "blocks": [{"originatingRegistry": "CDM", "start": %d, "end": %d, "unitType": "CER",
                             "originalPeriod": 2, "project": 4321}]}""".formatted(start, start + UNITS_EACH - 1));
        assertEquals(202, answer.status(), answer::toString);
        return TransactionId.parse(answer.json().path("transaction").asText());
    }

    private static long overlap(SerialRange one, SerialRange other) {
        return Math.max(0, Math.min(one.end(), other.end()) - Math.max(one.start(), other.start()) + 1);
    }

    private static int statusIn(OperatorClient operator, TransactionId id) {
        return operator.get("/transactions/" + id).json().path("status").path("code").asInt();
    }

    private static long quantity(OperatorClient operator) {
        long total = 0;
        for (JsonNode block : operator.get("/accounts/NZ-120-77-0/holdings").json().path("blocks")) {
            total += block.path("quantity").asLong();
        }
        return total;
    }

    /** Lets the network work, round after round, until the condition holds; fails after a generous deadline. */
    private void awaitQuiet(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            network.settle();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        StringBuilder logs = new StringBuilder();
        processes.forEach(process -> logs.append("\n--- ").append(process.pid()).append('\n').append(tail(process.log())));
        throw new AssertionError("not reached within " + PATIENCE + ": " + what + logs);
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    private Map<String, Long> outboxRowsAbout(TransactionId id) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT operation, count(*) FROM " + SCHEMA
                     + ".outbox_message WHERE payload_xml LIKE ? GROUP BY operation")) {
            statement.setString(1, "%" + id + "<%");
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return rows;
    }

    private long leaseHolders() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = "
                     + "'advisory' AND granted AND classid = ?::oid AND objid = ?::oid AND objsubid = 2")) {
            statement.setLong(1, Integer.toUnsignedLong(DutiesLease.KEY_SPACE));
            statement.setLong(2, Integer.toUnsignedLong(DutiesLease.keyOf(SCHEMA)));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        DatabaseSettings.External database = network.databaseServer().server();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

}
