package org.itlgateway.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itlgateway.gateway.delivery.PostgresSeenMessages;
import org.itlgateway.gateway.support.InboxedLog;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed message is received once: a copy sent again is refused with 1008, whether it comes later, to another
 * instance of the node, at the same moment from several connections, after the endpoint restarted, or with its
 * ECDSA signature changed into its (r, n - s) twin. The state is in PostgreSQL, so every instance on the database
 * shares it.
 */
class ReplayTest {

    private InboxedLog itl;

    @BeforeEach
    void start() {
        itl = InboxedLog.start();
    }

    @AfterEach
    void stop() {
        itl.close();
    }

    @Test
    void theSameSignedMessageSentTwiceIsRefusedTheSecondTimeWith1008() throws Exception {
        String signed = signedProposal("CDM9300001");

        assertEquals(200, itl.propose(signed).statusCode());
        HttpResponse<String> again = itl.propose(signed);

        assertEquals(1008, RawSoap.refusalCode(again.body()), () -> SignerIdentityTest.faultOf(again.body()));
        assertEquals(1, itl.inboxRows());
    }

    @Test
    void theSameSignedMessageSentToAnotherInstanceOfTheNodeIsRefusedWith1008() throws Exception {
        String signed = signedProposal("CDM9300006");
        try (InboxedLog other = itl.anotherInstance()) {
            assertEquals(200, itl.propose(signed).statusCode());

            HttpResponse<String> again = other.propose(signed);

            assertEquals(1008, RawSoap.refusalCode(again.body()), () -> SignerIdentityTest.faultOf(again.body()));
        }
        assertEquals(1, itl.inboxRows());
    }

    @Test
    void ofCopiesSentAtOnceToTwoInstancesFromEightConnectionsExactlyOneIsReceipted() throws Exception {
        String signed = signedProposal("CDM9300002");
        int copies = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(copies);
        try (InboxedLog other = itl.anotherInstance()) {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                InboxedLog instance = i % 2 == 0 ? itl : other;
                responses.add(senders.submit(() -> {
                    go.await();
                    return instance.propose(signed);
                }));
            }
            go.countDown();
            int receipted = 0;
            int replayed = 0;
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                if (answer.statusCode() == 200) {
                    receipted++;
                } else if (RawSoap.refusalCode(answer.body()) == 1008) {
                    replayed++;
                }
            }
            assertEquals(1, receipted, "exactly one copy is receipted");
            assertEquals(copies - 1, replayed, "every other copy is refused as a replay");
        } finally {
            senders.shutdownNow();
        }
        assertEquals(1, itl.inboxRows());
    }

    @Test
    void aMessageSentAgainAfterTheEndpointRestartedIsRefusedWith1008() throws Exception {
        String signed = signedProposal("CDM9300003");
        assertEquals(200, itl.propose(signed).statusCode());

        itl.restart();
        HttpResponse<String> again = itl.propose(signed);

        assertEquals(1008, RawSoap.refusalCode(again.body()), () -> SignerIdentityTest.faultOf(again.body()));
        assertEquals(1, itl.inboxRows());
    }

    @Test
    void aCopyWhoseEcdsaSignatureIsTurnedIntoItsTwinIsRefusedWith1008() throws Exception {
        String signed = signedProposal("CDM9300004");
        String twin = SignedEnvelopes.malleated(signed);
        assertNotEquals(signed, twin, "the signature value changed");
        assertEquals(200, itl.propose(signed).statusCode());

        HttpResponse<String> again = itl.propose(twin);

        assertEquals(1008, RawSoap.refusalCode(again.body()), () -> SignerIdentityTest.faultOf(again.body()));
        assertEquals(1, itl.inboxRows());
    }

    @Test
    void theTwinOfAnEcdsaSignatureVerifiesOnItsOwn() throws Exception {
        String twin = SignedEnvelopes.malleated(signedProposal("CDM9300005"));

        HttpResponse<String> response = itl.propose(twin);

        assertEquals(200, response.statusCode(), () -> SignerIdentityTest.faultOf(response.body()));
    }

    @Test
    void aRememberedMessageIsForgottenOnlyOnceItsTimeIsOver() {
        String schema = TestDatabase.freshSchemaName();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
        try (var database = TestDatabase.open(schema, 2)) {
            PostgresSeenMessages seen = new PostgresSeenMessages(database.dataSource(), clock);

        assertTrue(seen.firstSighting("fingerprint-1", "CDM", clock.instant().plus(Duration.ofMinutes(10))));
        assertFalse(seen.firstSighting("fingerprint-1", "CDM", clock.instant().plus(Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, seen.purgeExpired());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, seen.purgeExpired());
            assertEquals(0, TestDatabase.count(schema, "select count(*) from seen_message"));
        }
    }

    @Test
    void recordingAMessageAsSeenLeavesTheNextTransactionOnItsConnectionWaitingForItsFlush() throws Exception {
        String schema = TestDatabase.freshSchemaName();
        try (var database = TestDatabase.open(schema, 2)) {
            PostgresSeenMessages seen = new PostgresSeenMessages(database.dataSource(), Clock.systemUTC());

            assertTrue(seen.firstSighting("fingerprint-2", "CDM", Instant.now().plus(Duration.ofMinutes(10))));

            // both connections of the pool, the one that recorded it among them: an inbox row written next on
            // either must still commit durably
            try (var first = database.dataSource().getConnection(); var second = database.dataSource().getConnection()) {
                assertEquals("on", synchronousCommitOf(first));
                assertEquals("on", synchronousCommitOf(second));
            }
            assertEquals(1, TestDatabase.count(schema, "select count(*) from seen_message"));
        }
    }

    @Test
    void aMessageSeenIsRecordedInOneStatementThatCommitsWithoutAFlushOfItsOwn() throws Exception {
        String schema = TestDatabase.freshSchemaName();
        try (var database = TestDatabase.open(schema, 2)) {
            PostgresSeenMessages seen = new PostgresSeenMessages(database.dataSource(), Clock.systemUTC());
            Instant keepUntil = Instant.now().plus(Duration.ofMinutes(10));

            assertEquals(java.util.Optional.of("off"), seen.record("fingerprint-3", "CDM", keepUntil));
            assertEquals(java.util.Optional.empty(), seen.record("fingerprint-3", "CDM", keepUntil), "a copy");

            assertEquals(1, TestDatabase.count(schema, "select count(*) from seen_message"));
            try (var connection = database.dataSource().getConnection()) {
                assertEquals("on", synchronousCommitOf(connection));
            }
        }
    }

    private static String synchronousCommitOf(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement(); var show = statement.executeQuery("show synchronous_commit")) {
            show.next();
            return show.getString(1);
        }
    }

    private static String signedProposal(String transactionId) throws Exception {
        return SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", transactionId)).by(TestPki.credential("CDM")).sign();
    }
}
