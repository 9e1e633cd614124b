package org.itlgateway.simulator.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.RegistryEndpoint;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.Attempt;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.HandSignedEnvelopes;
import org.itlgateway.simulator.support.HandSignedEnvelopes.Proposal;
import org.itlgateway.simulator.support.HandSignedEnvelopes.Signing;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import static org.itlgateway.simulator.security.Expected.business;
import static org.itlgateway.simulator.security.Expected.refused;
import static org.itlgateway.simulator.security.Expected.refusedOrBusiness;
import static org.itlgateway.simulator.support.HandSignedEnvelopes.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile-input suite: a registry of the network (NO, with a certificate of the network's CA) attacks the
 * ITL's TransactionLogService over real HTTP, on embedded PostgreSQL, with every trick of the threat model in
 * docs/security.md. Each variant must be refused with a stable code before any receipt, or receipted and refused
 * by the ITL's business checks; the holdings the ITL mirrors do not change; nothing is sent to any registry but
 * the sender; and right after it the ITL still completes a valid transfer from the CDM registry to Japan.
 *
 * <p>How long each refusal took is written to {@code target/hostile-input-report.txt} (not asserted: these
 * machines are shared).
 */
class HostileInputSuiteIT {

    private static final String ATTACKER = "NO";
    private static final String DATE = "2016-09-02T09:00:00Z";
    private static final AtomicInteger IDS = new AtomicInteger(1_000);
    private static final List<String> REPORT = new CopyOnWriteArrayList<>();
    private static final List<InboundMessage> RECEIVED_BY_ATTACKER = new CopyOnWriteArrayList<>();
    /** The attacking registry's own endpoint is not under test: it remembers what it saw in memory. */
    private static final java.util.Set<String> ATTACKER_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @TempDir
    static Path profiles;

    private static Network network;
    private static Server attackerEndpoint;
    private static String itl;
    private static CdmActions cdm;
    private static AccountRef held;
    private static AttackerCertificates forge;
    private static Credential attacker;
    private static Credential attackerRsa;

    @BeforeAll
    static void startTheNetworkWithAnAttackingRegistry() throws Exception {
        int port = FreePorts.next();
        String address = "http://127.0.0.1:" + port + "/registry";
        Files.writeString(profiles.resolve("no.json"), """
                { "code": "NO", "name": "Attacking registry", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s",
                  "accounts": [ { "type": 120, "identifier": 77, "period": 0, "holder": "Attacker" } ] }
                """.formatted(address));
        network = Network.start(NetworkDatabases.settings().withProfiles(profiles));
        itl = network.addressOf("ITL");
        Instant now = Instant.now();
        attacker = network.ca().issueNodeCertificate(ATTACKER, KeyAlgorithm.EC_P256, now.minus(Duration.ofHours(1)),
                Duration.ofDays(2));
        attackerRsa = network.ca().issueNodeCertificate(ATTACKER, KeyAlgorithm.RSA_2048, now.minus(Duration.ofHours(1)),
                Duration.ofDays(2));
        forge = new AttackerCertificates(network.ca());
        MessageSignatures signatures = new MessageSignatures(new SigningSettings(attacker,
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl()))));
        attackerEndpoint = SoapEndpoints.publishRegistry(address, new RegistryEndpoint(message -> {
            RECEIVED_BY_ATTACKER.add(message);
            return Receipt.acceptedForProcessing();
        }, Clock.systemUTC()), signatures, InboundLimits.defaults(),
                (fingerprint, signer, keepUntil) -> ATTACKER_SEEN.add(fingerprint));
        cdm = new CdmActions(network);
        held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 10_000, "2016-09-01T09:00:00Z");
    }

    @AfterAll
    static void stopAndReport() throws IOException {
        attackerEndpoint.destroy();
        network.close();
        Path report = Path.of("target", "hostile-input-report.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, REPORT, StandardCharsets.UTF_8);
    }

    /** One hostile variant: its threat class, its name, how it is played, and what the ITL must do. */
    record Variant(String threat, String name, Function<String, Attempt.Answer> play, Expected expected,
                   java.util.function.UnaryOperator<String> transactionOf) {

        Variant(String threat, String name, Function<String, Attempt.Answer> play, Expected expected) {
            this(threat, name, play, expected, id -> id);
        }

        /** The same variant whose proposal carries another transaction identifier than the one it was given. */
        Variant naming(java.util.function.UnaryOperator<String> transaction) {
            return new Variant(threat, name, play, expected, transaction);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileVariantIsRefusedAndTheItlCompletesTheNextValidTransfer() {
        List<Variant> variants = variants();
        assertTrue(variants.size() >= 60, "the suite holds at least 60 variants, not " + variants.size());
        return variants.stream().map(variant -> DynamicTest.dynamicTest(variant.threat() + ": " + variant.name(),
                () -> check(variant)));
    }

    private static void check(Variant variant) {
        String id = ATTACKER + IDS.incrementAndGet();
        AccountRef japan = CdmActions.account("JP", 20045);
        AccountRef norway = CdmActions.account(ATTACKER, 77);
        long japanBefore = cdm.heldBy("ITL", japan);
        long norwayBefore = cdm.heldBy("ITL", norway);

        long started = System.nanoTime();
        Attempt.Answer answer = variant.play().apply(id);
        long micros = (System.nanoTime() - started) / 1_000;

        assertFalse(answer.body().contains("\tat "), "no stack trace leaves the node: " + answer);
        assertFalse(answer.body().contains("Exception"), "no exception is named in the answer: " + answer);
        network.settle();
        String transaction = variant.transactionOf().apply(id);
        Optional<Transaction> atItl = itlTransaction(transaction);
        if (answer.refused()) {
            assertTrue(variant.expected().acceptsRefusalCode(answer.code()),
                    "expected " + variant.expected() + ", got " + answer);
            if (variant.expected().afterHonestSend()) {
                assertTrue(atItl.map(Transaction::isFinal).orElse(false) && atItl.get().status() != TransactionStatus.COMPLETED,
                        "the honest first send stays refused by the ITL: " + atItl);
            } else {
                assertTrue(atItl.isEmpty(), "a refused message left a transaction at the ITL: " + atItl);
            }
        } else {
            assertTrue(variant.expected().businessRefusalAllowed(), "expected " + variant.expected() + ", got " + answer);
            if (atItl.isEmpty()) {
                // a proposal that cannot be read as one is answered with its refusal and never recorded
                assertFalse(network.journal().find(transaction, "ITL", Direction.PROCESSED, 10, false).isEmpty(),
                        "receipted but never processed by the ITL: " + transaction);
            }
            Transaction recorded = atItl.orElse(null);
            assertTrue(recorded == null || recorded.status() == TransactionStatus.REJECTED
                            || recorded.status() == TransactionStatus.TERMINATED,
                    () -> "a hostile proposal must end refused by the ITL, not " + recorded.status() + " " + recorded.history());
            if (recorded != null && !variant.expected().businessCodes().isEmpty()) {
                List<Integer> codes = recorded.latestResults().stream().map(EvaluationResult::code)
                        .map(code -> code.code()).toList();
                assertTrue(codes.stream().anyMatch(variant.expected().businessCodes()::contains),
                        "expected " + variant.expected() + ", the ITL refused with " + codes);
            }
        }
        assertTrue(network.journal().find(transaction, "ITL", Direction.SENT, 100, false).stream()
                        .allMatch(entry -> ATTACKER.equals(entry.peer())),
                "the ITL sent something about " + id + " to a registry other than the sender");
        assertEquals(japanBefore, cdm.heldBy("ITL", japan), "Japan's holdings at the ITL changed");
        assertEquals(norwayBefore, cdm.heldBy("ITL", norway), "the attacker's holdings at the ITL changed");
        REPORT.add(String.format("%-16s %-70s %-10s %8.1f ms", variant.threat(), variant.name(),
                answer.refused() ? "refused " + answer.code() : "business", micros / 1000.0));

        TransactionId control = cdm.transfer(held, japan, 4321, 1, DATE);
        network.settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", control).status(),
                "after " + variant.name() + " the next valid transfer did not complete: " + cdm.at("CDM", control).history());
    }

    private static Optional<Transaction> itlTransaction(String id) {
        if (!id.matches("([A-Z]{2}|CDM)[0-9]{1,15}")) {
            return Optional.empty();
        }
        NodeStores stores = network.stores("ITL");
        return stores.database().call(() -> stores.transactions().find(TransactionId.parse(id)));
    }

    // ---------------------------------------------------------------- the variants

    private static List<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        all.addAll(wrapping());
        all.addAll(tokenConfusion());
        all.addAll(weakAlgorithms());
        all.addAll(timestamps());
        all.addAll(replays());
        all.addAll(headerLies());
        all.addAll(doctypes());
        all.addAll(bombs());
        all.addAll(encodings());
        all.addAll(wrappers());
        all.addAll(garbage());
        all.addAll(businessLies());
        return all;
    }

    private static Proposal honest(String id) {
        return new Proposal(ATTACKER, "ITL", "1", "0", id, ATTACKER, "JP", block(900_000_001L, 900_000_010L));
    }

    private static String signedHonestly(String id) {
        return HandSignedEnvelopes.sign(honest(id).envelope(), Signing.by(attacker));
    }

    private static Variant variant(String threat, String name, Function<String, Attempt> attempt, Expected expected) {
        return new Variant(threat, name, id -> attempt.apply(id).sendTo(itl), expected);
    }

    private static List<Variant> wrapping() {
        String threat = "wrapping";
        return List.of(
                variant(threat, "signed Body moved into the Header, a forged Body in its place", id -> {
                    String signed = signedHonestly(id);
                    String body = between(signed, "<soap:Body", "</soap:Body>");
                    String forged = body.replaceAll("wsu:Id=\"[^\"]+\"", "").replace("900000010", "900009999");
                    return Attempt.of(signed.replace(body, forged)
                            .replace("</soap:Header>", body.replace("soap:Body", "soap:Moved") + "</soap:Header>"));
                }, refused(1003)),
                variant(threat, "signed Body wrapped inside a Security header child", id -> {
                    String signed = signedHonestly(id);
                    String body = between(signed, "<soap:Body", "</soap:Body>");
                    String forged = body.replaceAll("wsu:Id=\"[^\"]+\"", "").replace("900000001", "900000000");
                    String wrapped = "<Wrapper xmlns=\"urn:attacker\">" + body + "</Wrapper>";
                    return Attempt.of(signed.replace(body, forged).replace("</wsse:Security>", wrapped + "</wsse:Security>"));
                }, refused(1003, 1011)),
                variant(threat, "a second soap:Body after the signed one", id -> {
                    String signed = signedHonestly(id);
                    String body = between(signed, "<soap:Body", "</soap:Body>");
                    String second = body.replaceAll("wsu:Id=\"[^\"]+\"", "").replace(id, id + "9");
                    return Attempt.of(signed.replace("</soap:Envelope>", second + "</soap:Envelope>"));
                }, refused(1013)),
                variant(threat, "a second soap:Body before the signed one", id -> {
                    String signed = signedHonestly(id);
                    String body = between(signed, "<soap:Body", "</soap:Body>");
                    String second = body.replaceAll("wsu:Id=\"[^\"]+\"", "").replace(id, id + "8");
                    return Attempt.of(signed.replace(body, second + body));
                }, refused(1003, 1013)),
                variant(threat, "a Header element carrying the Body's wsu:Id (duplicate Id)", id -> {
                    String signed = signedHonestly(id);
                    String bodyId = attribute(between(signed, "<soap:Body", ">"), "wsu:Id");
                    String decoy = "<Decoy xmlns=\"urn:attacker\" xmlns:wsu=\"" + HandSignedEnvelopes.WSU_NS + "\" wsu:Id=\""
                            + bodyId + "\">x</Decoy>";
                    return Attempt.of(signed.replace("</soap:Header>", decoy + "</soap:Header>"));
                }, refused(1003)),
                variant(threat, "the Body left out of the signature", id -> Attempt.of(
                        HandSignedEnvelopes.sign(honest(id).envelope(), Signing.by(attacker).bodyUnsigned())), refused(1003)),
                variant(threat, "the Timestamp left out of the signature", id -> Attempt.of(
                        HandSignedEnvelopes.sign(honest(id).envelope(), Signing.by(attacker).timestampUnsigned())),
                        refused(1002, 1003, 1009)),
                variant(threat, "the Body changed after signing", id -> Attempt.of(
                        signedHonestly(id).replace("900000010", "900000011")), refused(1003)));
    }

    private static List<Variant> tokenConfusion() {
        String threat = "token confusion";
        Instant now = Instant.now();
        return List.of(
                variant(threat, "from ITL, signed by NO, with an unreferenced self-signed CN=ITL token", id -> Attempt.of(
                        HandSignedEnvelopes.withUnreferencedToken(HandSignedEnvelopes.sign(honest(id).withFrom("ITL").envelope(),
                                Signing.by(attacker)), forge.selfSigned("CN=ITL", AttackerCertificates.ec()).certificate())),
                        refused(1003, 1004, 1007)),
                variant(threat, "from CDM, signed by NO, with an unreferenced CDM token of the network's CA", id -> Attempt.of(
                        HandSignedEnvelopes.withUnreferencedToken(HandSignedEnvelopes.sign(honest(id).withFrom("CDM").envelope(),
                                Signing.by(attacker)), network.ca().issueNodeCertificate("CDM", KeyAlgorithm.EC_P256,
                                now.minus(Duration.ofHours(1)), Duration.ofDays(1)).certificate())),
                        refused(1003, 1007)),
                variant(threat, "an honest message with one extra token no signature uses", id -> Attempt.of(
                        HandSignedEnvelopes.withUnreferencedToken(signedHonestly(id),
                                forge.selfSigned("CN=NO", AttackerCertificates.ec()).certificate())),
                        refused(1003, 1004, 1007)),
                // WS-Security reports a self-signed certificate as a signature that does not verify (1003)
                variant(threat, "a self-signed certificate naming NO", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).envelope(), Signing.by(forge.selfSigned(AttackerCertificates.nodeSubject("NO"),
                                AttackerCertificates.ec())))), refused(1003, 1004)),
                variant(threat, "a self-signed certificate naming the ITL, from ITL", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).withFrom("ITL").envelope(), Signing.by(forge.selfSigned(AttackerCertificates.nodeSubject("ITL"),
                                AttackerCertificates.ec())))), refused(1004)),
                variant(threat, "an expired certificate of the network's CA", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).envelope(), Signing.by(network.ca().issueNodeCertificate(ATTACKER, KeyAlgorithm.EC_P256,
                                now.minus(Duration.ofDays(10)), Duration.ofDays(1))))), refused(1006)),
                variant(threat, "a certificate of the network's CA not valid yet", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).envelope(), Signing.by(network.ca().issueNodeCertificate(ATTACKER, KeyAlgorithm.EC_P256,
                                now.plus(Duration.ofDays(10)), Duration.ofDays(1))))), refused(1006)),
                variant(threat, "a revoked certificate of the network's CA", id -> {
                    Credential revoked = network.ca().issueNodeCertificate(ATTACKER, KeyAlgorithm.EC_P256,
                            now.minus(Duration.ofHours(1)), Duration.ofDays(1));
                    network.ca().revoke(revoked.certificate(), Instant.now().minus(Duration.ofMinutes(1)));
                    network.publishCrl();
                    return Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(), Signing.by(revoked)));
                }, refused(1005)),
                variant(threat, "HMAC-SHA256 keyed with the signer's public certificate", id -> Attempt.of(
                        HandSignedEnvelopes.hmacKeyedWithPublicCertificate(signedHonestly(id), attacker.certificate())),
                        refused(1003, 1016)),
                variant(threat, "two signatures: NO's and a CDM certificate's, from CDM", id -> {
                    Credential cdmKey = network.ca().issueNodeCertificate("CDM", KeyAlgorithm.EC_P256,
                            now.minus(Duration.ofHours(1)), Duration.ofDays(1));
                    String once = HandSignedEnvelopes.sign(honest(id).withFrom("CDM").envelope(), Signing.by(attacker));
                    return Attempt.of(HandSignedEnvelopes.signAgain(once, Signing.by(cdmKey)));
                }, refused(1002, 1003, 1007)),
                variant(threat, "two signatures by NO over the same parts", id -> Attempt.of(
                        HandSignedEnvelopes.signAgain(signedHonestly(id), Signing.by(attacker))), refused(1002, 1003)),
                variant(threat, "a certificate of the network's CA with two CNs (NO and ITL), from ITL", id -> Attempt.of(
                        HandSignedEnvelopes.sign(honest(id).withFrom("ITL").envelope(), Signing.by(forge.issuedByTheCa(
                                "CN=ITL,CN=NO,OU=Registry,O=ITL Gateway", AttackerCertificates.ec(),
                                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature, now.minus(Duration.ofHours(1)),
                                Duration.ofDays(1))))), refused(1003, 1004, 1007)),
                variant(threat, "signed by a CDM certificate of the network's CA, from NO", id -> Attempt.of(
                        HandSignedEnvelopes.sign(honest(id).envelope(), Signing.by(network.ca().issueNodeCertificate("CDM",
                                KeyAlgorithm.EC_P256, now.minus(Duration.ofHours(1)), Duration.ofDays(1))))),
                        refused(1007)));
    }

    private static List<Variant> weakAlgorithms() {
        String threat = "weak algorithm";
        Instant now = Instant.now();
        return List.of(
                variant(threat, "RSA-SHA1 signature", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attackerRsa).algorithms(HandSignedEnvelopes.RSA_SHA1, HandSignedEnvelopes.SHA256))), refused(1016)),
                variant(threat, "ECDSA-SHA1 signature", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).algorithms(HandSignedEnvelopes.ECDSA_SHA1, HandSignedEnvelopes.SHA256))), refused(1016)),
                variant(threat, "SHA-1 digests", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).algorithms(HandSignedEnvelopes.ECDSA_SHA256, HandSignedEnvelopes.SHA1))), refused(1016)),
                variant(threat, "an RSA-1024 key certified by the network's CA", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).envelope(), Signing.by(forge.issuedByTheCa(AttackerCertificates.nodeSubject(ATTACKER),
                                AttackerCertificates.rsa(1024), org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
                                now.minus(Duration.ofHours(1)), Duration.ofDays(1))))), refused(1016)),
                variant(threat, "a certificate without the digitalSignature key usage", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).envelope(), Signing.by(forge.issuedByTheCa(AttackerCertificates.nodeSubject(ATTACKER),
                                AttackerCertificates.ec(), org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment,
                                now.minus(Duration.ofHours(1)), Duration.ofDays(1))))), refused(1016)),
                variant(threat, "RSA-SHA256 with RSA-2048 (allowed: reaches the business checks)", id -> Attempt.of(
                        HandSignedEnvelopes.sign(honest(id).envelope(), Signing.by(attackerRsa))), business()));
    }

    private static List<Variant> timestamps() {
        String threat = "timestamp";
        Instant now = Instant.now();
        return List.of(
                variant(threat, "created an hour ago", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).createdAt(now.minus(Duration.ofHours(1)), 300))), refused(1009)),
                variant(threat, "created an hour ahead", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).createdAt(Instant.now().plus(Duration.ofHours(1)), 300))), refused(1009)),
                variant(threat, "no Timestamp at all", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).noTimestamp())), refused(1002, 1003, 1009)),
                variant(threat, "a lifetime of ten years", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).createdAt(Instant.now(), 10 * 365 * 24 * 3600))), refused(1009)),
                variant(threat, "expiring before it was created", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope(),
                        Signing.by(attacker).createdAt(Instant.now(), -60))), refused(1003, 1009)),
                variant(threat, "created six minutes ago with a ten-minute lifetime", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).envelope(), Signing.by(attacker).createdAt(Instant.now().minus(Duration.ofMinutes(6)), 600))),
                        refused(1009)));
    }

    private static List<Variant> replays() {
        String threat = "replay";
        return List.of(
                new Variant(threat, "the same signed message sent twice", id -> {
                    String signed = signedHonestly(id);
                    requireReceipt(Attempt.of(signed).sendTo(itl));
                    return Attempt.of(signed).sendTo(itl);
                }, refused(1008).afterAnHonestSend()),
                new Variant(threat, "the same signed message sent eight times at once: one receipt", id -> {
                    String signed = signedHonestly(id);
                    List<Attempt.Answer> answers = Stream.generate(() -> Attempt.of(signed)).limit(8).parallel()
                            .map(attempt -> attempt.sendTo(itl)).toList();
                    assertEquals(1, answers.stream().filter(Attempt.Answer::receipted).count(),
                            "exactly one of the parallel copies is receipted: " + answers);
                    return answers.stream().filter(Attempt.Answer::refused).findFirst().orElseThrow();
                }, refused(1008).afterAnHonestSend()),
                new Variant(threat, "the ECDSA signature malleated to its (r, n-s) twin after a first send", id -> {
                    String signed = signedHonestly(id);
                    requireReceipt(Attempt.of(signed).sendTo(itl));
                    return Attempt.of(HandSignedEnvelopes.malleated(signed)).sendTo(itl);
                }, refused(1003, 1008).afterAnHonestSend()),
                new Variant(threat, "the same transaction signed again with other units", id -> {
                    requireReceipt(Attempt.of(signedHonestly(id)).sendTo(itl));
                    return Attempt.of(HandSignedEnvelopes.sign(honest(id).withBlocks(block(900_000_101L, 900_000_110L)).envelope(),
                            Signing.by(attacker))).sendTo(itl);
                }, refused(3002).afterAnHonestSend()));
    }

    private static void requireReceipt(Attempt.Answer answer) {
        if (!answer.receipted()) {
            fail("the first, honest send must be receipted: " + answer);
        }
    }

    private static List<Variant> headerLies() {
        String threat = "header lie";
        String registryAction = "urn:itlgateway:des:1.0:registry/acceptProposal";
        return List.of(
                variant(threat, "from ITL", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withFrom("ITL").envelope(),
                        Signing.by(attacker))), refused(1007)),
                variant(threat, "from CDM", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withFrom("CDM").envelope(),
                        Signing.by(attacker))), refused(1007)),
                variant(threat, "from an unknown registry XX", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).withFrom("XX").envelope(), Signing.by(attacker))), refused(1001, 1007)),
                variant(threat, "to the CITL", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withTo("CITL").envelope(),
                        Signing.by(attacker))), refused(1010)),
                variant(threat, "to Japan's registry", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withTo("JP").envelope(),
                        Signing.by(attacker))), refused(1010)),
                variant(threat, "major version 2", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withMajor("2").envelope(),
                        Signing.by(attacker))), refused(1031)),
                variant(threat, "minor version 9", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withMinor("9").envelope(),
                        Signing.by(attacker))), refused(1032)),
                variant(threat, "the SOAPAction of another operation of the service", id -> Attempt.of(signedHonestly(id))
                        .withSoapAction("urn:itlgateway:des:1.0:transactionlog/receiveTotals"), refused(1014)),
                variant(threat, "the SOAPAction of a registry's operation", id -> Attempt.of(signedHonestly(id))
                        .withSoapAction(registryAction), refused(1014)),
                variant(threat, "a transaction identifier of the CDM registry's", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).withTransactionId("CDM" + id.substring(2)).envelope(), Signing.by(attacker))),
                        business(3001)).naming(id -> "CDM" + id.substring(2)),
                variant(threat, "the CDM registry as transferring registry", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).withTransferring("CDM").envelope(), Signing.by(attacker))), refused(1007, 1024)),
                variant(threat, "Japan as transferring registry (and acquiring)", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).withTransferring("JP").envelope(), Signing.by(attacker))), refused(1007, 1024)));
    }

    private static List<Variant> doctypes() {
        String threat = "DTD and entities";
        String envelopeStart = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
        String envelopeEnd = "</soap:Body></soap:Envelope>";
        StringBuilder laughs = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return List.of(
                variant(threat, "an internal entity in a signed message", id -> Attempt.of("<!DOCTYPE x [<!ENTITY e \"NO\">]>"
                        + signedHonestly(id)), refused(1013)),
                variant(threat, "an external entity naming /etc/passwd", id -> Attempt.of(
                        "<!DOCTYPE x [<!ENTITY s SYSTEM \"file:///etc/passwd\">]>" + envelopeStart + "&s;" + envelopeEnd),
                        refused(1013)),
                variant(threat, "a billion laughs", id -> Attempt.of("<!DOCTYPE x [" + laughs + "]>" + envelopeStart + "&l9;"
                        + envelopeEnd), refused(1013)),
                variant(threat, "an external DTD", id -> Attempt.of(
                        "<!DOCTYPE soap:Envelope SYSTEM \"http://127.0.0.1:1/evil.dtd\">" + signedHonestly(id)), refused(1013)),
                variant(threat, "a parameter entity", id -> Attempt.of(
                        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>" + signedHonestly(id)),
                        refused(1013)),
                variant(threat, "an XInclude in the signed Body", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope()
                        .replace("<svc:proposedTransaction>", "<svc:proposedTransaction><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                                + " href=\"file:///etc/passwd\" parse=\"text\"/>"), Signing.by(attacker))),
                        refused(1011, 1013)));
    }

    private static List<Variant> bombs() {
        String threat = "bomb";
        return List.of(
                variant(threat, "9 MB of comment in the Body", id -> Attempt.of(signedHonestly(id).replace("<svc:proposedTransaction>",
                        "<!--" + "x".repeat(9 * 1024 * 1024) + "--><svc:proposedTransaction>")), refused(1012)),
                variant(threat, "10,000 nested elements in the Header", id -> Attempt.of(signedHonestly(id).replace(
                        "</soap:Header>", "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</soap:Header>")), refused(1012)),
                variant(threat, "10,000 attributes on one element", id -> Attempt.of(signedHonestly(id).replace(
                        "</soap:Header>", attributes(10_000) + "</soap:Header>")), refused(1012, 1013)),
                variant(threat, "10,000 namespace declarations", id -> Attempt.of(signedHonestly(id).replace(
                        "</soap:Header>", namespaces(10_000) + "</soap:Header>")), refused(1012, 1013)),
                // within the size limits: receipted, kept as the verified payload, refused by the business checks
                variant(threat, "an element name of 100,000 characters", id -> Attempt.of(signedHonestly(id).replace(
                        "</soap:Header>", "<" + "n".repeat(100_000) + "/></soap:Header>")), refusedOrBusiness()),
                variant(threat, "a text node of 1 MB in a signed field", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id)
                        .withBlocks(block(900_000_001L, 900_000_010L).replace("<des:originatingRegistryCode>CDM",
                                "<des:originatingRegistryCode>CDM" + " ".repeat(1024 * 1024))).envelope(), Signing.by(attacker))),
                        refused(1011, 1012)),
                variant(threat, "210,000 sibling elements", id -> Attempt.of(signedHonestly(id).replace(
                        "</soap:Header>", "<m>" + "<e/>".repeat(210_000) + "</m></soap:Header>")), refused(1012)),
                variant(threat, "an attribute value of 1 MB", id -> Attempt.of(signedHonestly(id).replace(
                        "</soap:Header>", "<v a=\"" + "v".repeat(1024 * 1024) + "\"/></soap:Header>")), refused(1012, 1013)),
                variant(threat, "a Header element name of 1,500 characters beside a signed message", id -> Attempt.of(
                        signedHonestly(id).replace("</soap:Header>", "<" + "h".repeat(1_500) + " xmlns=\"urn:x\">1</"
                                + "h".repeat(1_500) + "></soap:Header>")), refusedOrBusiness()));
    }

    private static String attributes(int count) {
        StringBuilder element = new StringBuilder("<at");
        for (int i = 0; i < count; i++) {
            element.append(" a").append(i).append("=\"1\"");
        }
        return element.append("/>").toString();
    }

    private static String namespaces(int count) {
        StringBuilder element = new StringBuilder("<ns");
        for (int i = 0; i < count; i++) {
            element.append(" xmlns:p").append(i).append("=\"urn:n").append(i).append("\"");
        }
        return element.append("/>").toString();
    }

    private static List<Variant> encodings() {
        String threat = "encoding";
        return List.of(
                variant(threat, "declared ISO-8859-1, written in UTF-8", id -> Attempt.of(
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + signedHonestly(id)), refusedOrBusiness()),
                variant(threat, "declared ISO-8859-1 with a non-ASCII UTF-8 Header beside the signed parts", id -> Attempt.of(
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + signedHonestly(id).replace("</soap:Header>",
                                "<n:note xmlns:n=\"urn:x\">Zürich ∑</n:note></soap:Header>")), refusedOrBusiness()),
                variant(threat, "a UTF-8 byte order mark", id -> Attempt.of(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        signedHonestly(id).getBytes(StandardCharsets.UTF_8))), refusedOrBusiness()),
                variant(threat, "the whole envelope in UTF-16 with its declaration", id -> Attempt.of(
                        ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + signedHonestly(id)).getBytes(StandardCharsets.UTF_16))
                        .withContentType("text/xml; charset=UTF-16"), refusedOrBusiness()),
                variant(threat, "declared UTF-16, written in UTF-8", id -> Attempt.of(
                        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + signedHonestly(id)), refusedOrBusiness()),
                variant(threat, "Content-Type says ISO-8859-1, written in UTF-8", id -> Attempt.of(signedHonestly(id))
                        .withContentType("text/xml; charset=ISO-8859-1"), refusedOrBusiness()),
                variant(threat, "bytes that are not UTF-8", id -> Attempt.of(concat(signedHonestly(id).replace("</soap:Header>",
                        "<n:note xmlns:n=\"urn:x\">").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28,
                        (byte) 0xFF}, "</n:note></soap:Header>".getBytes(StandardCharsets.UTF_8))), refused()));
    }

    private static List<Variant> wrappers() {
        String threat = "MIME and SOAP 1.2";
        return List.of(
                variant(threat, "multipart/related around the signed envelope", id -> multipart(signedHonestly(id), false),
                        refusedOrBusiness()),
                variant(threat, "multipart/related with an attachment", id -> multipart(signedHonestly(id), true),
                        refusedOrBusiness()),
                variant(threat, "a JSON content type", id -> Attempt.of(signedHonestly(id)).withContentType("application/json"),
                        refusedOrBusiness()),
                variant(threat, "a SOAP 1.2 envelope", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).envelope()
                        .replace(HandSignedEnvelopes.SOAP_NS, "http://www.w3.org/2003/05/soap-envelope"), Signing.by(attacker)))
                        .withContentType("application/soap+xml; charset=UTF-8"), refused()),
                variant(threat, "a SOAP 1.1 envelope sent as application/soap+xml", id -> Attempt.of(signedHonestly(id))
                        .withContentType("application/soap+xml; charset=UTF-8"), refusedOrBusiness()));
    }

    private static Attempt multipart(String envelope, boolean attachment) {
        String boundary = "uuid-attack";
        StringBuilder body = new StringBuilder()
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/xml; charset=UTF-8\r\nContent-ID: <root>\r\n\r\n")
                .append(envelope).append("\r\n");
        if (attachment) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/octet-stream\r\nContent-ID: <extra>\r\n\r\n")
                    .append("x".repeat(4096)).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return Attempt.of(body.toString()).withContentType("multipart/related; type=\"text/xml\"; boundary=\"" + boundary
                + "\"; start=\"<root>\"");
    }

    private static List<Variant> garbage() {
        String threat = "garbage";
        return List.of(
                variant(threat, "a signed envelope cut in half", id -> {
                    String signed = signedHonestly(id);
                    return Attempt.of(signed.substring(0, signed.length() / 2));
                }, refused()),
                variant(threat, "random bytes", id -> {
                    byte[] noise = new byte[4096];
                    new java.util.Random(id.hashCode()).nextBytes(noise);
                    return Attempt.of(noise);
                }, refused()),
                variant(threat, "an empty request", id -> Attempt.of(new byte[0]), refused()),
                variant(threat, "JSON instead of XML", id -> Attempt.of("{\"proposal\":\"" + id + "\"}"), refused()),
                variant(threat, "an envelope without a Body", id -> Attempt.of(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/></soap:Envelope>"),
                        refused()),
                variant(threat, "a signed, empty Body", id -> Attempt.of(HandSignedEnvelopes.sign(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/><soap:Body/>"
                                + "</soap:Envelope>", Signing.by(attacker))), refused()));
    }

    private static List<Variant> businessLies() {
        String threat = "business lie";
        StringBuilder tooMany = new StringBuilder();
        for (long i = 0; i < 3_001; i++) {
            tooMany.append(block(910_000_000L + i * 10, 910_000_000L + i * 10 + 4));
        }
        return List.of(
                variant(threat, "units the attacker does not hold", id -> Attempt.of(signedHonestly(id)),
                        business(2020, 3010)),
                variant(threat, "units the CDM registry's participant holds", id -> Attempt.of(HandSignedEnvelopes.sign(
                        honest(id).withBlocks(block(1, 100)).envelope(), Signing.by(attacker))), business(2020, 2021, 3010)),
                variant(threat, "two overlapping blocks", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withBlocks(
                        block(900_000_001L, 900_000_010L) + block(900_000_005L, 900_000_020L)).envelope(), Signing.by(attacker))),
                        business(2002, 2020, 3010)),
                variant(threat, "a block that starts after it ends", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id)
                        .withBlocks(block(900_000_010L, 900_000_001L)).envelope(), Signing.by(attacker))), business(2001)),
                variant(threat, "3,001 blocks", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withBlocks(tooMany.toString())
                        .envelope(), Signing.by(attacker))), refused(1011, 1012)),
                variant(threat, "a negative serial number", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withBlocks(
                        block(-5, 10)).envelope(), Signing.by(attacker))), refused(1011)),
                variant(threat, "no unit blocks", id -> Attempt.of(HandSignedEnvelopes.sign(honest(id).withBlocks("").envelope(),
                        Signing.by(attacker))), refused(1011)));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from) + end.length();
        if (from < 0 || to < end.length()) {
            throw new IllegalStateException("no " + start + " … " + end);
        }
        return text.substring(from, to);
    }

    private static String attribute(String element, String name) {
        int at = element.indexOf(name + "=\"");
        int start = at + name.length() + 2;
        return element.substring(start, element.indexOf('"', start));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
