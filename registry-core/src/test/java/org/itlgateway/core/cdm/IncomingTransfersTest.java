package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.JP;
import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.lifecycle.IncomingDecision;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.Test;

/** Transfers from national registries into the CDM registry. */
class IncomingTransfersTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;
    private final AccountRef holder = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Holder");

    /** CERs that went to Japan and now come back. */
    private Proposal cersBackFromJapan(AccountRef to) {
        world.issuedAndShared(WIND_INDIA, 1_000);
        ProposalOutcome out = cdm.forward(world.japanHolding, world.units(CdmAccounts.PENDING, WIND_INDIA, 100));
        Proposal outbound = out.transaction().proposal();
        world.check(out);
        world.japan.lifecycle().considerIncoming(outbound);
        cdm.notify(outbound.id(), TransactionStatus.ACCEPTED);
        world.japan.lifecycle().notify(outbound.id(), TransactionStatus.COMPLETED);
        Proposal back = world.japan.proposal(TransactionType.EXTERNAL_TRANSFER, 0, world.japanHolding, to, outbound.blocks());
        assertTrue(world.japan.lifecycle().propose(back).isRecorded());
        return back;
    }

    @Test
    void cersComingBackAreCreditedToTheHoldingAccountOnTheLogsCompletion() {
        Proposal back = cersBackFromJapan(holder);

        IncomingDecision decision = cdm.considerIncoming(back);
        assertTrue(decision.accepted(), decision.rejections().toString());
        assertEquals(0, world.held(holder));

        assertTrue(world.japan.lifecycle().notify(back.id(), TransactionStatus.CHECKED_NO_DISCREPANCY).applied());
        assertTrue(world.japan.lifecycle().notify(back.id(), TransactionStatus.ACCEPTED).completed());
        assertTrue(cdm.notify(back.id(), TransactionStatus.COMPLETED).completed());

        assertEquals(100, world.held(holder));
        assertEquals(0, world.japan.ledger().quantityHeldBy(world.japanHolding));
        assertEquals(100, cdm.reports().issuanceByProject().get(0).forwardedToOtherRegistries(),
                "a credit in is not an issuance and changes no tally");
    }

    @Test
    void transferIntoThePendingAccountIsRejected() {
        Proposal back = cersBackFromJapan(CdmAccounts.PENDING);

        IncomingDecision decision = cdm.considerIncoming(back);

        assertFalse(decision.accepted());
        assertEquals(List.of(ResponseCode.EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT),
                decision.rejections().stream().map(r -> r.code()).toList());
    }

    @Test
    void aausAreRejectedAndNeverCredited() {
        UnitBlock aaus = UnitBlock.of(1, 50, UnitAttributes.aau(JP, CommitmentPeriod.CP2));
        world.japan.ledger().issue(world.japanHolding, List.of(aaus), world.clock.instant());
        Proposal transfer = world.japan.proposal(TransactionType.EXTERNAL_TRANSFER, 0, world.japanHolding, holder, List.of(aaus));
        world.japan.lifecycle().propose(transfer);

        IncomingDecision decision = cdm.considerIncoming(transfer);
        cdm.notify(transfer.id(), TransactionStatus.COMPLETED);

        assertEquals(ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE, decision.rejections().get(0).code());
        assertEquals(TransactionStatus.REJECTED, world.transaction(transfer.id()).status());
        assertEquals(0, world.held(holder));
    }
}
