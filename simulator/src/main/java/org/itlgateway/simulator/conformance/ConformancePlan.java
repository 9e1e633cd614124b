package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.ProvideTime;
import org.itlgateway.schemas.v1.registry.RefusalFault;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.simulator.duties.TimeCheck;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.profile.LogParameters;

/**
 * The plan: the tests of each category in plan order, what each is for, its steps and expected outcome, and what
 * it plays. The numbering follows the DES's initialisation test plan; the content of each test is this project's
 * reading of its category (the public material gives the numbering only). The counterpart registry of transfers is
 * Japan, a registry the simulator plays.
 */
public final class ConformancePlan {

    /** The counterpart of external transfers: a registry of the network that accepts by default. */
    static final String COUNTERPART = "JP";
    static final AccountRef COUNTERPART_ACCOUNT = AccountRef.parse("JP-120-20045-0");
    static final AccountRef COUNTERPART_MISSING_ACCOUNT = AccountRef.parse("JP-120-99999-0");
    static final AccountRef COUNTERPART_PARTY_ACCOUNT = AccountRef.parse("JP-100-1-2");
    static final AccountRef ADAPTATION_FUND = AccountRef.parse("CDM-100-1100-0");
    static final AccountRef CDM_PENDING = AccountRef.parse("CDM-110-1000-0");
    /** The CDM project the plan issues for (in the network's reference table; give the CDM gateway the same table). */
    static final long PROJECT = 4321;

    private static final Set<RegistryKind> BOTH = Set.of(RegistryKind.NATIONAL, RegistryKind.CDM);
    private static final Set<RegistryKind> NATIONAL = Set.of(RegistryKind.NATIONAL);
    private static final AtomicLong COUNTERPART_SEQUENCE = new AtomicLong(Instant.now().getEpochSecond() % 10_000_000 * 100);

    private ConformancePlan() {
    }

    /** Every test of the plan, in plan order. */
    public static List<ConformanceTest> tests() {
        List<ConformanceTest> plan = new ArrayList<>();
        plan.add(new ConformanceTest(100, "The registry answers a signed ITL request with a signed receipt",
                Category.COMMUNICATION,
                "The ITL reaches the registry's RegistryService, and the registry's receipt is signed and confirms the "
                        + "signature of the request (WS-Security 1.1 SignatureConfirmation); a receipt that does not is taken "
                        + "as no answer.",
                List.of("The ITL sends the registry an administrative message (acceptMessage).",
                        "The runner reads the ITL's journal for the delivery's outcome.",
                        "Driven: the runner reads the registry's GET /messages."),
                "The ITL's delivery is DELIVERED (receipt 1 with a verified signature and signature confirmation); the "
                        + "registry lists the message.",
                BOTH, ConformancePlan::signedReceipt));
        plan.add(new ConformanceTest(101, "The registry's signed proposal reaches the ITL and is taken in",
                Category.COMMUNICATION,
                "The registry signs its messages with the certificate the network's CA issued it, with the header the "
                        + "ITL expects, so the ITL takes them in.",
                List.of("The registry proposes an issuance (national: 10 AAUs into its Party holding account; CDM: 100 "
                        + "CERs of project 4321).", "The runner waits for the ITL to receive it and to finish it."),
                "The ITL answers the proposal with receipt 1 and finishes the transaction.",
                BOTH, ConformancePlan::signedProposal));
        plan.add(new ConformanceTest(102, "The registry refuses a bad signature, a wrong DES version and a replay",
                Category.COMMUNICATION,
                "A registry takes in only what the ITL signed, in the DES version it speaks, once.",
                List.of("The runner asks the registry's time (provideTime) in a request signed by a certificate of "
                        + "another CA, in the ITL's name.",
                        "It asks again, signed by the ITL, with DES version 9.0 in the header.",
                        "It sends the registry the ITL's signed administrative message of test 100 again, byte for byte."),
                "Each of the three is refused (a SOAP fault or receipt 0); the replayed message is not listed twice.",
                BOTH, ConformancePlan::refusals));
        plan.add(new ConformanceTest(103, "The registry's clock agrees with the ITL's", Category.COMMUNICATION,
                "The ITL checks the registries' clocks (provideTime): a registry more than 5 seconds off would date its "
                        + "messages and snapshots wrongly.",
                List.of("The ITL asks the registry's time and compares it with its own."),
                "The check is IN_TIME (within 5 seconds); a registry that follows the network's clock may take up to "
                        + "the patience to catch up after the clock moved.",
                BOTH, ConformancePlan::clockAgrees));

        plan.add(new ConformanceTest(120, "An issuance completes", Category.ISSUANCE,
                "The registry issues what its kind issues and the ITL's mirror follows: a Party's registry AAUs into "
                        + "its Party holding account (1-0), the CDM registry CERs into its pending account, followed by "
                        + "the 2 % share of proceeds to the Adaptation Fund (10-81).",
                List.of("National: the registry issues 1000 CP2 AAUs into its account 100-1-2.",
                        "CDM: the registry issues 1000 CERs of project 4321.",
                        "The runner waits for the ITL and the registry to finish it."),
                "The ITL completes it (status 4) and its mirror holds the units in the account; the registry completes "
                        + "it; CDM: the Adaptation Fund's account CDM-100-1100-0 receives 20 CERs.",
                BOTH, ConformancePlan::issuanceCompletes));
        plan.add(new ConformanceTest(121, "The ITL's mirror and the registry agree on every account", Category.ISSUANCE,
                "After an issuance, what the registry says each account holds is what the ITL's mirror says.",
                List.of("Driven: the runner reads the registry's GET /registry and compares each account's units with "
                        + "the ITL's mirror.", "Not driven: the runner checks the mirror holds the issuance of 120."),
                "Every account's units agree.",
                BOTH, ConformancePlan::mirrorAgrees));
        plan.add(new ConformanceTest(122, "The registry terminates an issuance the ITL refuses, and holds nothing of it",
                Category.ISSUANCE,
                "A discrepancy found by the ITL ends the transaction at the registry too: an AAU issuance over the "
                        + "Party's assigned amount (5008).",
                List.of("The runner gives the registry's Party an assigned amount of 1 CP2 AAU at the ITL "
                        + "(its parameters, as PUT /parameters/ITL does).",
                        "The registry issues 100 AAUs.",
                        "The runner puts the assigned amount out of reach again."),
                "The ITL refuses it with 5008; the registry ends it without completing it; neither the mirror nor the "
                        + "registry holds any of its units.",
                NATIONAL, ConformancePlan::issuanceRefused));
        plan.add(new ConformanceTest(123, "A replayed proposal is refused with no double effect", Category.ISSUANCE,
                "Each signed message is taken in once: a duplicate of the registry's proposal changes nothing.",
                List.of("The runner sends the ITL the registry's signed proposal of test 120 again, byte for byte."),
                "The ITL refuses it; the transaction, the mirror and the registry's record are as they were.",
                BOTH, ConformancePlan::replayRefused));
        plan.addAll(RefusalTests.issuance());
        plan.addAll(UnitLifecycleTests.conversion());

        plan.add(new ConformanceTest(140, "An internal transfer completes", Category.INTERNAL_TRANSFER,
                "Units move between two accounts of the registry through the ITL (10-0; the CDM registry's forwarding "
                        + "from its pending account, 10-51).",
                List.of("National: 100 AAUs from 100-1-2 to the entity account 120-77-0.",
                        "CDM: 300 CERs forwarded from the pending account to a holding account the registry opened."),
                "The ITL and the registry complete it; the mirror holds the units in the acquiring account.",
                BOTH, ConformancePlan::internalTransferCompletes));
        plan.add(new ConformanceTest(141, "An internal transfer the ITL refuses leaves the units where they were",
                Category.INTERNAL_TRANSFER,
                "The registry releases what it reserved when the ITL refuses (here: more blocks than the ITL takes, 2003).",
                List.of("The runner sets the ITL's maximum of blocks per proposal to 1.",
                        "The registry proposes an internal transfer of two blocks.", "The runner sets the maximum back."),
                "The ITL refuses it with 2003; the registry ends it without completing it; nothing stays reserved.",
                BOTH, ConformancePlan::internalTransferRefused));
        plan.addAll(RefusalTests.internalTransfer());

        plan.add(new ConformanceTest(150, "An external transfer to another registry completes", Category.EXTERNAL_TRANSFER,
                "The registry transfers units to Japan's registry (3-0) and both sides complete it.",
                List.of("The registry transfers 20 units to JP-120-20045-0."),
                "The ITL, the registry and Japan complete it; Japan holds the units.",
                BOTH, ConformancePlan::externalTransferOutCompletes));
        plan.add(new ConformanceTest(151, "An external transfer from another registry is accepted", Category.EXTERNAL_TRANSFER,
                "The registry takes in a proposal the ITL forwards (acceptProposal), accepts it and holds the units.",
                List.of("Japan issues AAUs and transfers 30 of them to the registry's account 120-77-0."),
                "The registry accepts (8) and the ITL completes it; the registry and the mirror hold the units.",
                NATIONAL, ConformancePlan::externalTransferInCompletes));
        plan.add(new ConformanceTest(152, "An external transfer to an account the registry does not have is rejected",
                Category.EXTERNAL_TRANSFER,
                "The acquiring registry checks its own accounts: the logs are not told them.",
                List.of("Japan transfers 10 AAUs to the registry's account 120-99999-0, which does not exist."),
                "The registry rejects it (6); the ITL does not complete it; Japan's units are released.",
                NATIONAL, ConformancePlan::externalTransferInRejected));
        plan.add(new ConformanceTest(153, "An external transfer the acquiring registry rejects releases the units",
                Category.EXTERNAL_TRANSFER,
                "When the acquiring registry rejects, the registry ends the transfer and releases what it reserved.",
                List.of("The registry transfers 10 units to JP-120-99999-0, an account Japan does not have."),
                "Japan rejects it; the ITL and the registry end it without completing it; nothing stays reserved.",
                BOTH, ConformancePlan::externalTransferOutRejected));
        plan.add(new ConformanceTest(154, "An external transfer the ITL refuses releases the units",
                Category.EXTERNAL_TRANSFER,
                "After the CP2 true-up period no international transfer passes (4007): the registry terminates and "
                        + "releases.",
                List.of("The runner sets the ITL's end of the CP2 true-up period to a day before the network's time.",
                        "The registry transfers 10 units to JP-120-20045-0.", "The runner sets the date back."),
                "The ITL refuses it with 4007; the registry ends it without completing it; nothing stays reserved.",
                BOTH, ConformancePlan::externalTransferOutRefusedByItl));
        plan.add(new ConformanceTest(155, "An external transfer the acquiring registry never answers is terminated",
                Category.EXTERNAL_TRANSFER,
                "A transaction not final within the completion limit is terminated (4003) and the registry releases "
                        + "its units.",
                List.of("The runner makes Japan unavailable.", "The registry transfers 10 units to JP-120-20045-0.",
                        "The runner moves the network's clock past the ITL's completion limit, then makes Japan "
                                + "available again."),
                "The ITL terminates it with 4003; the registry ends it without completing it; nothing stays reserved.",
                BOTH, ConformancePlan::externalTransferOutTimesOut));
        plan.addAll(RefusalTests.externalTransfer());
        plan.addAll(UnitLifecycleTests.cancellation());
        plan.addAll(UnitLifecycleTests.retirement());
        plan.addAll(UnitLifecycleTests.carryOver());
        plan.addAll(UnitLifecycleTests.replacement());
        plan.addAll(UnitLifecycleTests.expiryDateChange());
        plan.addAll(ReconciliationTests.tests());
        return List.copyOf(plan);
    }

    // ---- before the plan ----

    /** Opens the accounts the plan uses in the registry (driven), or tells its operator to. */
    public static void prepare(Conformance c) {
        if (c.kind() == RegistryKind.CDM) {
            Optional<JsonNode> opened = c.registry().prepare(new Action(
                    "open an entity holding account (the runner uses the one it is answered, else CDM-120-10001-0)",
                    "/accounts", "{\"type\": \"ENTITY_HOLDING\", \"holder\": \"Conformance participant\"}"));
            c.share("holding", AccountRef.parse(opened.map(answer -> answer.path("ref").asText("CDM-120-10001-0"))
                    .orElse("CDM-120-10001-0")));
        } else {
            c.registry().prepare(new Action("open the Party holding account " + party(c) + " (type 100, identifier 1, CP2)",
                    "/accounts", "{\"type\": 100, \"identifier\": 1, \"period\": 2, \"holder\": \"Party holding (conformance)\"}"));
            c.registry().prepare(new Action("open the entity holding account " + entity(c) + " (type 120, identifier 77)",
                    "/accounts", "{\"type\": 120, \"identifier\": 77, \"period\": 0, \"holder\": \"Conformance holder\"}"));
        }
    }

    // ---- 100 communication ----

    private static void signedReceipt(Conformance c) {
        c.on("2016-09-01T09:00:00Z");
        long mark = c.journalMark();
        String text = "ITL conformance test 100 at " + Instant.now();
        c.network().duties().messages().send(RegistryCode.of(c.code()), text, null);
        JournalEntry sent = c.await("the ITL's administrative message to " + c.code() + " to be delivered", () ->
                c.network().journal().find(null, "ITL", Direction.SENT, "acceptMessage", c.code(), 1_000_000, true).stream()
                        .filter(entry -> entry.id() > mark && entry.outcome().startsWith("DELIVERED")).findFirst());
        c.share("message-xml", sent.rawXml());
        c.share("message-text", text);
        if (c.registry().driven()) {
            c.awaitThat(c.code() + " to list the message", () -> c.registry().view("/messages").orElseThrow().toString()
                    .contains(text));
        }
    }

    private static void signedProposal(Conformance c) {
        c.on("2016-09-01T10:00:00Z");
        long fundBefore = c.mirrorQuantity(ADAPTATION_FUND);
        String transaction = c.track(c.registry().propose(issuance(c, c.kind() == RegistryKind.CDM ? 100 : 10), c));
        c.finalAtItl(transaction);
        if (c.kind() == RegistryKind.CDM) {
            c.awaitThat("the share of proceeds of " + transaction + " to reach the Adaptation Fund",
                    () -> c.mirrorQuantity(ADAPTATION_FUND) >= fundBefore + 2);
        }
    }

    private static void refusals(Conformance c) {
        String address = c.network().addressOf(c.code());
        List<String> accepted = new ArrayList<>();
        Credential stranger = CertificateAuthority.create("Not the network's CA", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(1))
                .issueNodeCertificate("ITL", KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(1));
        MessageSignatures strangers = new MessageSignatures(new SigningSettings(stranger,
                TrustSettings.of(c.network().ca().certificate(), () -> List.of(c.network().currentCrl()))));
        probe(c, accepted, "a request signed by another CA's certificate",
                timeAsked(c, address, strangers, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION));
        probe(c, accepted, "a request of DES version 9.0", timeAsked(c, address, c.network().signaturesOf("ITL"), 9, 0));
        String replayed = c.shared("message-xml", String.class);
        RawSoap.Answer replay = RawSoap.post(address, "urn:itlgateway:des:1.0:registry/acceptMessage", replayed);
        probe(c, accepted, "the ITL's message of test 100 sent again", new Probe(replay.accepted(), replay.summary()));
        if (c.registry().driven()) {
            String text = c.shared("message-text", String.class);
            String messages = c.registry().view("/messages").orElseThrow().toString();
            if (messages.indexOf(text) != messages.lastIndexOf(text)) {
                accepted.add("the replayed message, which it lists twice");
            }
        }
        if (!accepted.isEmpty()) {
            throw new ConformanceFailure(c.code() + " took in " + String.join("; ", accepted));
        }
    }

    /** How the registry answered a message it should refuse. */
    private record Probe(boolean accepted, String answer) {
    }

    private static void probe(Conformance c, List<String> accepted, String what, Probe probe) {
        c.note(what + ": " + (probe.accepted() ? "taken in, " : "refused, ") + probe.answer());
        if (probe.accepted()) {
            accepted.add(what + " (" + probe.answer() + ")");
        }
    }

    /** Asks the registry's time in the ITL's name, signed as given, with the DES version given. */
    private static Probe timeAsked(Conformance c, String address, MessageSignatures signatures, int major, int minor) {
        RegistryPortType client = SoapClients.registry(address, c.code(), signatures, Duration.ofSeconds(30),
                c.network().tlsOf("ITL"));
        try {
            ProvideTime request = EnvelopeMapping.write(new Envelope("ITL", c.code(), major, minor), new ProvideTime());
            Receipt receipt = ReceiptMapping.fromWire(client.provideTime(request));
            return new Probe(receipt.accepted(), receipt.accepted() ? "receipt 1"
                    : "receipt 0 " + receipt.codes() + (receipt.reason() == null ? "" : ": " + receipt.reason()));
        } catch (RefusalFault e) {
            return new Probe(false, "refusal fault: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Probe(false, "fault: " + e.getMessage());
        } finally {
            try {
                ((java.io.Closeable) client).close();
            } catch (java.io.IOException e) {
                // the client is thrown away either way
            }
        }
    }

    private static void clockAgrees(Conformance c) {
        List<String> seen = new ArrayList<>();
        try {
            c.await(c.code() + "'s clock to agree with the ITL's", () -> {
                TimeCheck check = c.network().duties().timeChecks().check(RegistryCode.of(c.code())).get(0);
                seen.add(check.status() + (check.offsetMillis() == null ? "" : " by " + check.offsetMillis() + " ms"));
                return check.status() == TimeCheck.Status.IN_TIME ? Optional.of(check) : Optional.empty();
            }, Duration.ofSeconds(1));
        } catch (ConformanceFailure e) {
            throw new ConformanceFailure(e.getMessage() + "; the last check found " + c.code() + " "
                    + (seen.isEmpty() ? "not asked" : seen.get(seen.size() - 1)));
        }
    }

    // ---- 120 issuance ----

    private static void issuanceCompletes(Conformance c) {
        c.on("2016-09-02T09:00:00Z");
        long fundBefore = c.mirrorQuantity(ADAPTATION_FUND);
        AccountRef into = c.kind() == RegistryKind.CDM ? CDM_PENDING : party(c);
        long before = c.mirrorQuantity(into);
        String transaction = c.track(c.registry().propose(issuance(c, 1000), c));
        c.share("issuance", transaction);
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        if (c.kind() == RegistryKind.CDM) {
            c.awaitThat("the 2 % share of proceeds (20 CERs) of " + transaction + " to reach the Adaptation Fund",
                    () -> c.mirrorQuantity(ADAPTATION_FUND) == fundBefore + 20);
            c.awaitThat("the ITL's mirror of the pending account to hold the 980 CERs left",
                    () -> c.mirrorQuantity(into) == before + 980);
        } else {
            c.awaitThat("the ITL's mirror of " + into + " to hold the 1000 AAUs", () -> c.mirrorQuantity(into) == before + 1000);
        }
    }

    private static void mirrorAgrees(Conformance c) {
        if (!c.registry().driven()) {
            String issuance = c.shared("issuance", String.class);
            if (c.atItl(issuance).filter(t -> t.status() == TransactionStatus.COMPLETED).isEmpty()) {
                throw new ConformanceFailure("the ITL has not completed the issuance " + issuance);
            }
            return;
        }
        List<String> differences = new ArrayList<>();
        c.await("every account of " + c.code() + " to agree with the ITL's mirror", () -> {
            differences.clear();
            for (JsonNode account : c.registry().view("/registry").orElseThrow().path("accounts")) {
                AccountRef ref = AccountRef.parse(account.path("ref").asText());
                long registry = account.path("units").asLong();
                long mirror = c.mirrorQuantity(ref);
                if (registry != mirror) {
                    differences.add(ref + ": the registry says " + registry + ", the ITL's mirror " + mirror);
                }
            }
            return differences.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
    }

    private static void issuanceRefused(Conformance c) {
        c.on("2016-09-03T09:00:00Z");
        RuleParameters before = c.network().parametersOf("ITL").orElseThrow();
        c.network().changeParameters("ITL", assigned(before, c.code(), 1));
        c.afterTest(() -> c.network().changeParameters("ITL", assigned(before, c.code(), 1_000_000_000_000L)));
        Action issue = issuance(c, 100);
        SerialRange range = rangeOf(issue);
        String transaction = c.track(c.registry().propose(issue, c));
        c.requireRefusedAtItl(transaction, 5008);
        c.requireNotCompletedAtRegistry(transaction);
        boolean inMirror = c.mirrorOf(party(c)).stream().anyMatch(held -> held.range().overlaps(range));
        if (inMirror) {
            throw new ConformanceFailure("the ITL's mirror holds units of the refused issuance " + transaction);
        }
        c.registryHoldings(party(c)).ifPresent(holdings -> {
            for (JsonNode block : holdings.path("blocks")) {
                if (block.path("originatingRegistry").asText().equals(c.code())
                        && new SerialRange(block.path("start").asLong(), block.path("end").asLong()).overlaps(range)) {
                    throw new ConformanceFailure(c.code() + " holds units of the refused issuance " + transaction + ": " + block);
                }
            }
        });
    }

    private static void replayRefused(Conformance c) {
        String transaction = c.track(c.shared("issuance", String.class));
        JournalEntry received = c.network().journal()
                .find(transaction, "ITL", Direction.RECEIVED, "acceptProposal", c.code(), 10, true).stream().findFirst()
                .orElseThrow(() -> new ConformanceFailure("the ITL's journal has no proposal of " + transaction));
        int historyBefore = c.atItl(transaction).orElseThrow().history().size();
        AccountRef into = c.kind() == RegistryKind.CDM ? CDM_PENDING : party(c);
        long heldBefore = c.mirrorQuantity(into);
        RawSoap.Answer answer = RawSoap.post(c.network().addressOf("ITL"),
                "urn:itlgateway:des:1.0:transactionlog/acceptProposal", received.rawXml());
        c.note("the replayed proposal of " + transaction + " was answered " + answer.summary());
        if (answer.accepted()) {
            throw new ConformanceFailure("the ITL took in the replayed proposal of " + transaction + ": " + answer.summary());
        }
        int processed = c.network().journal()
                .find(transaction, "ITL", Direction.PROCESSED, "acceptProposal", null, 10, false).size();
        if (processed > 1) {
            throw new ConformanceFailure("the ITL processed the proposal of " + transaction + " " + processed + " times");
        }
        if (c.atItl(transaction).orElseThrow().history().size() != historyBefore || c.mirrorQuantity(into) != heldBefore) {
            throw new ConformanceFailure("the replay of " + transaction + " changed the ITL's record or its mirror");
        }
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
    }

    // ---- 140 internal transfer ----

    private static void internalTransferCompletes(Conformance c) {
        c.on("2016-09-05T09:00:00Z");
        AccountRef to = c.kind() == RegistryKind.CDM ? c.shared("holding", AccountRef.class) : entity(c);
        long before = c.mirrorQuantity(to);
        long quantity = c.kind() == RegistryKind.CDM ? 300 : 100;
        Action action = c.kind() == RegistryKind.CDM
                ? Action.proposal("forward 300 CERs of project 4321 from the pending account to " + to,
                        "{\"operation\": \"forward\", \"to\": \"" + to + "\", \"project\": " + PROJECT + ", \"quantity\": 300}")
                : transfer(c, "INTERNAL_TRANSFER", party(c), to, free(c, party(c), quantity));
        String transaction = c.track(c.registry().propose(action, c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        c.awaitThat("the ITL's mirror of " + to + " to hold the " + quantity + " units", () -> c.mirrorQuantity(to) == before + quantity);
    }

    private static void internalTransferRefused(Conformance c) {
        c.on("2016-09-05T10:00:00Z");
        RuleParameters before = c.network().parametersOf("ITL").orElseThrow();
        c.network().changeParameters("ITL", new LogParameters(null, null, 1, null, null, null, Map.of(), null));
        c.afterTest(() -> c.network().changeParameters("ITL",
                new LogParameters(null, null, before.maxBlocksPerProposal(), null, null, null, Map.of(), null)));
        AccountRef from = c.kind() == RegistryKind.CDM ? CDM_PENDING : party(c);
        List<UnitBlock> blocks = split(free(c, from, 30));
        Action action = c.kind() == RegistryKind.CDM
                ? Action.proposal("forward two blocks of 10 CERs, apart, from the pending account",
                        "{\"operation\": \"forward\", \"to\": \"" + c.shared("holding", AccountRef.class) + "\", \"blocks\": "
                                + blocksJson(blocks) + "}")
                : transfer(c, "INTERNAL_TRANSFER", from, entity(c), blocks);
        String transaction = c.track(c.registry().propose(action, c));
        c.requireRefusedAtItl(transaction, 2003);
        c.requireNotCompletedAtRegistry(transaction);
        c.requireReleasedInMirror(from, transaction);
        c.requireReleasedAtRegistry(from, transaction);
    }

    // ---- 150 external transfer ----

    private static void externalTransferOutCompletes(Conformance c) {
        c.on("2016-09-06T09:00:00Z");
        AccountRef from = holding(c);
        long japanBefore = heldInCounterpart(c, COUNTERPART_ACCOUNT);
        String transaction = c.track(c.registry().propose(outgoing(c, from, COUNTERPART_ACCOUNT, 20), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        c.awaitThat("Japan to hold the 20 units", () -> heldInCounterpart(c, COUNTERPART_ACCOUNT) == japanBefore + 20);
    }

    private static void externalTransferInCompletes(Conformance c) {
        c.on("2016-09-06T10:00:00Z");
        AccountRef to = entity(c);
        long before = c.mirrorQuantity(to);
        List<UnitBlock> aaus = counterpartAaus(c, 30);
        String transaction = c.track(counterpartProposes(c, TransactionType.EXTERNAL_TRANSFER, to, aaus));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        c.awaitThat("the ITL's mirror of " + to + " to hold the 30 AAUs", () -> c.mirrorQuantity(to) == before + 30);
        c.registryHoldings(to).ifPresent(holdings -> {
            long held = 0;
            for (JsonNode block : holdings.path("blocks")) {
                if (COUNTERPART.equals(block.path("originatingRegistry").asText())) {
                    held += block.path("quantity").asLong();
                }
            }
            if (held < 30) {
                throw new ConformanceFailure(c.code() + " holds " + held + " of Japan's AAUs in " + to + ", not 30");
            }
        });
    }

    private static void externalTransferInRejected(Conformance c) {
        c.on("2016-09-06T11:00:00Z");
        AccountRef missing = AccountRef.parse(c.code() + "-120-99999-0");
        List<UnitBlock> aaus = counterpartAaus(c, 10);
        String transaction = c.track(counterpartProposes(c, TransactionType.EXTERNAL_TRANSFER, missing, aaus));
        var done = c.finalAtItl(transaction);
        if (done.status() == TransactionStatus.COMPLETED) {
            throw new ConformanceFailure("the ITL completed " + transaction + " into " + missing + ", an account " + c.code()
                    + " does not have");
        }
        boolean rejected = c.network().journal().find(transaction, "ITL", Direction.RECEIVED, "acceptNotification", c.code(),
                100, false).stream().anyMatch(entry -> entry.summary() != null && entry.summary().contains(" status 6"));
        if (!rejected) {
            throw new ConformanceFailure(c.code() + " sent the ITL no rejection of " + transaction + " (it ended "
                    + done.status() + ": " + done.history() + ")");
        }
        c.requireReleasedInMirror(COUNTERPART_PARTY_ACCOUNT, transaction);
    }

    private static void externalTransferOutRejected(Conformance c) {
        c.on("2016-09-06T12:00:00Z");
        AccountRef from = holding(c);
        String transaction = c.track(c.registry().propose(outgoing(c, from, COUNTERPART_MISSING_ACCOUNT, 10), c));
        var done = c.finalAtItl(transaction);
        if (done.status() == TransactionStatus.COMPLETED) {
            throw new ConformanceFailure("the ITL completed " + transaction + " into " + COUNTERPART_MISSING_ACCOUNT);
        }
        c.requireNotCompletedAtRegistry(transaction);
        c.requireReleasedInMirror(from, transaction);
        c.requireReleasedAtRegistry(from, transaction);
    }

    private static void externalTransferOutRefusedByItl(Conformance c) {
        c.on("2016-09-06T13:00:00Z");
        RuleParameters before = c.network().parametersOf("ITL").orElseThrow();
        Instant ended = c.network().clock().instant().minus(Duration.ofDays(1));
        c.network().changeParameters("ITL", new LogParameters(null, null, null, null, ended, null, Map.of(), null));
        c.afterTest(() -> c.network().changeParameters("ITL",
                new LogParameters(null, null, null, null, before.cp2TrueUpEnd(), null, Map.of(), null)));
        AccountRef from = holding(c);
        String transaction = c.track(c.registry().propose(outgoing(c, from, COUNTERPART_ACCOUNT, 10), c));
        c.requireRefusedAtItl(transaction, 4007);
        c.requireNotCompletedAtRegistry(transaction);
        c.requireReleasedInMirror(from, transaction);
        c.requireReleasedAtRegistry(from, transaction);
    }

    private static void externalTransferOutTimesOut(Conformance c) {
        c.on("2016-09-06T14:00:00Z");
        c.network().faults().set(COUNTERPART, new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        c.afterTest(() -> c.network().faults().clear(COUNTERPART));
        AccountRef from = holding(c);
        String transaction = c.track(c.registry().propose(outgoing(c, from, COUNTERPART_ACCOUNT, 10), c));
        c.awaitThat("the ITL to try to forward " + transaction + " to Japan", () -> !c.network().journal()
                .find(transaction, "ITL", Direction.SENT, "acceptProposal", COUNTERPART, 10, false).isEmpty());
        Duration limit = c.network().parametersOf("ITL").orElseThrow().completionLimit();
        c.network().clock().advance(limit.plusHours(1));
        c.requireRefusedAtItl(transaction, 4003);
        c.requireNotCompletedAtRegistry(transaction);
        c.requireReleasedInMirror(from, transaction);
        c.requireReleasedAtRegistry(from, transaction);
    }

    // ---- what the registry is asked to do ----

    static AccountRef party(Conformance c) {
        return AccountRef.parse(c.code() + "-100-1-2");
    }

    static AccountRef entity(Conformance c) {
        return AccountRef.parse(c.code() + "-120-77-0");
    }

    /** The account external transfers leave: the national registry's entity account, the CDM registry's holding account. */
    static AccountRef holding(Conformance c) {
        return c.kind() == RegistryKind.CDM ? c.shared("holding", AccountRef.class) : entity(c);
    }

    private static final AtomicLong SERIALS = new AtomicLong(Instant.now().getEpochSecond() % 10_000_000 * 100_000 + 1);

    /** An issuance of the registry's kind: AAUs of CP2 into the Party holding account, or CERs of project 4321. */
    private static Action issuance(Conformance c, long quantity) {
        if (c.kind() == RegistryKind.CDM) {
            return Action.proposal("issue " + quantity + " CERs of project " + PROJECT + " for CP2",
                    "{\"operation\": \"issue\", \"project\": " + PROJECT + ", \"unitType\": \"CER\", \"period\": 2, \"quantity\": "
                            + quantity + "}");
        }
        long start = SERIALS.getAndAdd(quantity);
        UnitBlock block = UnitBlock.of(start, start + quantity - 1, UnitAttributes.aau(RegistryCode.of(c.code()), CommitmentPeriod.CP2));
        return Action.proposal("issue " + quantity + " CP2 AAUs, serials " + block.start() + " to " + block.end() + ", into "
                + party(c), "{\"kind\": \"ISSUANCE\", \"acquiringAccount\": \"" + party(c) + "\", \"blocks\": "
                + blocksJson(List.of(block)) + "}");
    }

    private static SerialRange rangeOf(Action issue) {
        JsonNode block;
        try {
            block = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issue.body()).path("blocks").get(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new SerialRange(block.path("start").asLong(), block.path("end").asLong());
    }

    /** A transfer from the registry's account: a proposal in full for a national registry, the CDM registry's operation. */
    static Action outgoing(Conformance c, AccountRef from, AccountRef to, long quantity) {
        if (c.kind() == RegistryKind.CDM) {
            return Action.proposal("transfer " + quantity + " CERs of project " + PROJECT + " from " + from + " to " + to,
                    "{\"operation\": \"transfer\", \"from\": \"" + from + "\", \"to\": \"" + to + "\", \"project\": " + PROJECT
                            + ", \"quantity\": " + quantity + "}");
        }
        return transfer(c, "EXTERNAL_TRANSFER", from, to, free(c, from, quantity));
    }

    static Action transfer(Conformance c, String kind, AccountRef from, AccountRef to, List<UnitBlock> blocks) {
        return Action.proposal(kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of "
                        + UnitBlock.quantityOf(blocks) + " units " + blocks + " from " + from + " to " + to,
                "{\"kind\": \"" + kind + "\", \"transferringAccount\": \"" + from + "\", \"acquiringAccount\": \"" + to
                        + "\", \"blocks\": " + blocksJson(blocks) + "}");
    }

    /** The lowest free units of the account, as the ITL's mirror has them. */
    static List<UnitBlock> free(Conformance c, AccountRef account, long quantity) {
        return c.await(quantity + " units of " + account + " free both in the ITL's mirror and at " + c.code()
                + " (the runner leaves units either side holds reserved alone)", () -> freeNow(c, account, quantity));
    }

    private static Optional<List<UnitBlock>> freeNow(Conformance c, AccountRef account, long quantity) {
        List<UnitBlock> taken = new ArrayList<>();
        long left = quantity;
        Optional<List<SerialRange>> freeAtRegistry = freeAtRegistry(c, account);
        for (HeldBlock held : c.mirrorOf(account)) {
            if (left == 0) {
                break;
            }
            if (held.isReserved() || (c.kind() == RegistryKind.CDM && held.block().attributes().projectId() != null
                    && held.block().attributes().projectId() != PROJECT)) {
                continue;
            }
            List<SerialRange> parts = freeAtRegistry.map(ranges -> within(held.block().range(), ranges))
                    .orElse(List.of(held.block().range()));
            for (SerialRange part : parts) {
                if (left == 0) {
                    break;
                }
                long take = Math.min(left, part.quantity());
                taken.add(new UnitBlock(new SerialRange(part.start(), part.start() + take - 1), held.block().attributes()));
                left -= take;
            }
        }
        if (left > 0) {
            return Optional.empty();
        }
        return Optional.of(taken);
    }

    /**
     * The serial ranges the registry (when driven) holds in the account and has not reserved: the runner takes units
     * both sides see free, so a registry that keeps units reserved, or lets them go too early, fails the tests that
     * saw it do so, not every later test that would have picked the same units.
     */
    private static Optional<List<SerialRange>> freeAtRegistry(Conformance c, AccountRef account) {
        return c.registryHoldings(account).map(holdings -> {
            List<SerialRange> free = new ArrayList<>();
            for (JsonNode block : holdings.path("blocks")) {
                if (block.path("reservedBy").asText("").isEmpty()) {
                    free.add(new SerialRange(block.path("start").asLong(), block.path("end").asLong()));
                }
            }
            return free;
        });
    }

    /** The parts of {@code range} inside one of {@code ranges}, in serial order. */
    static List<SerialRange> within(SerialRange range, List<SerialRange> ranges) {
        List<SerialRange> parts = new ArrayList<>();
        for (SerialRange other : ranges) {
            long start = Math.max(range.start(), other.start());
            long end = Math.min(range.end(), other.end());
            if (start <= end) {
                parts.add(new SerialRange(start, end));
            }
        }
        parts.sort(null);
        return parts;
    }

    /** Two blocks of a third of the units each, apart (adjacent blocks would be one), for a proposal of two blocks. */
    private static List<UnitBlock> split(List<UnitBlock> blocks) {
        if (blocks.size() > 1) {
            return blocks.subList(0, 2);
        }
        UnitBlock whole = blocks.get(0);
        long third = whole.quantity() / 3;
        return List.of(new UnitBlock(new SerialRange(whole.start(), whole.start() + third - 1), whole.attributes()),
                new UnitBlock(new SerialRange(whole.end() - third + 1, whole.end()), whole.attributes()));
    }

    static String blocksJson(List<UnitBlock> blocks) {
        List<String> written = new ArrayList<>();
        for (UnitBlock block : blocks) {
            UnitAttributes a = block.attributes();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("originatingRegistry", a.originatingRegistry().value());
            fields.put("start", block.start());
            fields.put("end", block.end());
            fields.put("unitType", a.unitType().name());
            fields.put("originalPeriod", a.originalPeriod().code());
            fields.put("applicablePeriod", a.applicablePeriod().code());
            if (a.lulucfActivity() != null) {
                fields.put("lulucfActivity", a.lulucfActivity().name());
            }
            if (a.projectId() != null) {
                fields.put("project", a.projectId());
            }
            if (a.track() != null) {
                fields.put("track", a.track().name());
            }
            if (a.expiryDate() != null) {
                fields.put("expiryDate", a.expiryDate().toString());
            }
            StringBuilder json = new StringBuilder("{");
            fields.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name).append("\": ")
                    .append(value instanceof String ? "\"" + value + "\"" : value));
            written.add(json.append('}').toString());
        }
        return "[" + String.join(", ", written) + "]";
    }

    private static LogParameters assigned(RuleParameters current, String party, long amount) {
        Map<String, Map<Integer, Long>> table = new LinkedHashMap<>();
        current.assignedAmounts().forEach((registry, byPeriod) -> {
            Map<Integer, Long> amounts = new LinkedHashMap<>();
            byPeriod.forEach((period, value) -> amounts.put(period.code(), value));
            table.put(registry.value(), amounts);
        });
        table.computeIfAbsent(party, p -> new LinkedHashMap<>()).put(CommitmentPeriod.CP2.code(), amount);
        return new LogParameters(null, null, null, null, null, null, table, null);
    }

    // ---- the counterpart (Japan, played by the simulator) ----

    static long heldInCounterpart(Conformance c, AccountRef account) {
        var japan = c.network().stores(COUNTERPART);
        return japan.database().call(() -> japan.ledger().quantityHeldBy(account));
    }

    /** Japan issues AAUs into its Party holding account; answers them once the ITL completed the issuance. */
    static List<UnitBlock> counterpartAaus(Conformance c, long quantity) {
        long start = SERIALS.getAndAdd(quantity);
        List<UnitBlock> blocks = List.of(UnitBlock.of(start, start + quantity - 1,
                UnitAttributes.aau(RegistryCode.of(COUNTERPART), CommitmentPeriod.CP2)));
        String issuance = c.track(counterpartProposes(c, TransactionType.ISSUANCE, COUNTERPART_PARTY_ACCOUNT, blocks));
        c.requireAtItl(issuance, TransactionStatus.COMPLETED);
        var japan = c.network().stores(COUNTERPART);
        c.awaitThat("Japan to complete its issuance " + issuance, () -> japan.database()
                .call(() -> japan.transactions().find(TransactionId.parse(issuance)))
                .filter(t -> t.status() == TransactionStatus.COMPLETED).isPresent());
        return blocks;
    }

    static String counterpartProposes(Conformance c, TransactionType type, AccountRef to, List<UnitBlock> blocks) {
        RegistryCode japan = RegistryCode.of(COUNTERPART);
        Instant now = c.network().clock().instant();
        Proposal proposal = new Proposal(TransactionId.of(japan, COUNTERPART_SEQUENCE.incrementAndGet()), type, 0, japan,
                type == TransactionType.ISSUANCE ? null : COUNTERPART_PARTY_ACCOUNT, to.registry(), to, null, blocks, Map.of(),
                now);
        ProposalOutcome outcome = c.network().registryNode(COUNTERPART)
                .submit(() -> c.network().lifecycle(COUNTERPART).propose(proposal));
        if (!outcome.isRecorded()) {
            throw new ConformanceFailure("Japan could not propose " + type + ": " + outcome.refusals());
        }
        return proposal.id().toString();
    }
}
