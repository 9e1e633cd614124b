package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.lifecycle.CancellationOutcome;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancelled (7), end to end: the transferring registry cancels its own transfer before it is final, or the ITL's
 * administrator cancels one that no registry was told to finalise; every node then holds it cancelled and the units
 * are free again where they were. Once the ITL told the transferring registry to finalise, it refuses (4002).
 */
class CancelledTransactionsIT {

    private static final AccountRef JAPAN = CdmActions.account("JP", 20045);

    private static ControlledNetwork controlled;
    private static Network network;
    private static OperatorClient control;

    private CdmActions cdm;

    @BeforeAll
    static void start() {
        controlled = ControlledNetwork.start();
        network = controlled.network();
        control = controlled.api();
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    @AfterEach
    void clearFaults() {
        network.faults().clearAll();
    }

    @Test
    void theCdmRegistryCancelsATransferJapanHasNotAcceptedAndEveryNodeEndsItCancelledWithTheUnitsBack() {
        cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-06-01T09:00:00Z");
        long before = cdm.heldBy("CDM", held);
        long japanBefore = cdm.heldBy("JP", JAPAN);
        network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-06-01T10:00:00Z");
        network.settle();
        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, cdm.at("ITL", id).status(), "waiting for Japan");

        CancellationOutcome cancelled = network.registryNode("CDM").cancel(id);
        network.settle();

        assertTrue(cancelled.cancelled(), cancelled::toString);
        assertEquals(TransactionStatus.CANCELLED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.CANCELLED, cdm.at("ITL", id).status());
        assertEquals(before, freeIn(held), "the units are free in the holding account again");

        network.faults().clear("JP");
        network.advance(Duration.ofHours(1));

        assertEquals(TransactionStatus.CANCELLED, cdm.at("JP", id).status(), () -> cdm.at("JP", id).history().toString());
        assertEquals(japanBefore, cdm.heldBy("JP", JAPAN), "Japan credited nothing");
        assertEquals(TransactionStatus.CANCELLED, cdm.at("CDM", id).status(), "a late acceptance changed nothing");
        assertEquals(before, freeIn(held), "the units stay free");
    }

    @Test
    void theItlsAdministratorCancelsATransferJapanNeverAnsweredAndBothRegistriesReleaseIt() {
        cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-07-01T09:00:00Z");
        long before = cdm.heldBy("CDM", held);
        network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-07-01T10:00:00Z");
        network.settle();

        OperatorClient.Answer answer = control.post("/transactions/" + id + "/cancel", "{}");

        assertEquals(200, answer.status(), answer.text());
        assertEquals(7, answer.json().path("status").asInt(), answer.text());
        assertEquals(TransactionStatus.CANCELLED, cdm.at("ITL", id).status());
        assertEquals(TransactionStatus.CANCELLED, cdm.at("CDM", id).status(), () -> cdm.at("CDM", id).history().toString());
        assertEquals(before, freeIn(held), "the CDM registry released the units on the ITL's word");

        network.faults().clear("JP");
        network.advance(Duration.ofHours(1));
        assertEquals(TransactionStatus.CANCELLED, cdm.at("JP", id).status(), () -> cdm.at("JP", id).history().toString());
    }

    @Test
    void theItlRefusesToCancelATransferOnceItToldTheTransferringRegistryToFinaliseIt4002() {
        cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-08-01T09:00:00Z");
        network.faults().set("CDM", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-08-01T10:00:00Z");
        network.settle();
        assertEquals(TransactionStatus.ACCEPTED, cdm.at("ITL", id).status(), "Japan accepted; the CDM registry is down");

        OperatorClient.Answer refused = control.post("/transactions/" + id + "/cancel", "{}");

        assertEquals(409, refused.status(), refused.text());
        assertEquals(ResponseCode.STATUS_CHANGE_NOT_ALLOWED.code(), refused.json().path("codes").get(0).asInt(), refused.text());
        network.faults().clear("CDM");
        network.advance(Duration.ofHours(1));
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());

        OperatorClient.Answer completed = control.post("/transactions/" + id + "/cancel", "{}");
        assertEquals(409, completed.status(), completed.text());
        assertEquals(ResponseCode.TRANSACTION_ALREADY_FINAL.code(), completed.json().path("codes").get(0).asInt());
        assertEquals(404, control.post("/transactions/CDM99999999/cancel", "{}").status());
        assertEquals(400, control.post("/transactions/nothing/cancel", "{}").status());
    }

    /** How many units of the account can be proposed now (held and not reserved by any transaction). */
    private long freeIn(AccountRef account) {
        return cdm.free(account, 4321, cdm.heldBy("CDM", account)).stream().mapToLong(b -> b.quantity()).sum();
    }
}
