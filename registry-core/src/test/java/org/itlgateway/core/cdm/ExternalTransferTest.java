package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.IncomingDecision;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusOutcome;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forwarding from the CDM registry to a national registry, on the CDM registry's side. */
class ExternalTransferTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;
    private List<UnitBlock> units;
    private Proposal forwarding;

    @BeforeEach
    void forwardHalfToJapan() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        units = world.units(CdmAccounts.PENDING, WIND_INDIA, 490);
        ProposalOutcome outcome = cdm.forward(world.japanHolding, units);
        forwarding = outcome.transaction().proposal();
        world.check(outcome);
    }

    private List<HeldBlock> reserved() {
        return cdm.lifecycle().reservedBy(world.transaction(forwarding.id()));
    }

    @Test
    void unitsStayReservedInThePendingAccountUntilTheTransferCompletes() {
        assertEquals(980, world.held(CdmAccounts.PENDING));
        assertEquals(units, reserved().stream().map(HeldBlock::block).toList());
        assertEquals(490, UnitBlock.quantityOf(cdm.freeUnits(CdmAccounts.PENDING)));

        world.japan.lifecycle().considerIncoming(forwarding);
        assertTrue(cdm.notify(forwarding.id(), TransactionStatus.ACCEPTED).completed());

        assertEquals(490, world.held(CdmAccounts.PENDING));
        assertTrue(world.ledger().holdersOf(units.get(0).id()).isEmpty());
    }

    @Test
    void rejectionByTheAcquiringRegistryReleasesTheUnits() {
        world.japan.facts().save(new Account(world.japanHolding, "closed", AccountStatus.CLOSED));
        IncomingDecision decision = world.japan.lifecycle().considerIncoming(forwarding);
        assertFalse(decision.accepted());

        cdm.notify(forwarding.id(), TransactionStatus.REJECTED, decision.rejections());

        assertEquals(TransactionStatus.REJECTED, world.transaction(forwarding.id()).status());
        assertTrue(reserved().isEmpty());
        assertEquals(980, UnitBlock.quantityOf(cdm.freeUnits(CdmAccounts.PENDING)));
        assertEquals(0, cdm.reports().issuanceByProject().get(0).forwardedToOtherRegistries());
    }

    @Test
    void transferNotCompletedWithin24HoursIsTerminatedAndItsUnitsReleased() {
        world.clock.advance(Duration.ofHours(23));
        assertEquals(List.of(), cdm.terminateOverdue(world.clock.instant()));

        world.clock.advance(Duration.ofHours(1));
        assertEquals(List.of(forwarding.id()), cdm.terminateOverdue(world.clock.instant()));

        assertEquals(TransactionStatus.TERMINATED, world.transaction(forwarding.id()).status());
        assertEquals(ResponseCode.TRANSACTION_OVERDUE, world.transaction(forwarding.id()).latestResults().get(0).code());
        assertTrue(reserved().isEmpty());
        assertEquals(980, UnitBlock.quantityOf(cdm.freeUnits(CdmAccounts.PENDING)));

        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, cdm.notify(forwarding.id(), TransactionStatus.ACCEPTED).outcome());
        assertEquals(980, world.held(CdmAccounts.PENDING));
    }

    @Test
    void repeatedAndOutOfOrderNotificationsChangeNothing() {
        List<HeldBlock> before = world.holdings();

        assertEquals(StatusOutcome.REPLAYED, cdm.notify(forwarding.id(), TransactionStatus.CHECKED_NO_DISCREPANCY).outcome());
        assertEquals(StatusOutcome.REFUSED, cdm.notify(forwarding.id(), TransactionStatus.COMPLETED).outcome());
        assertEquals(StatusOutcome.REFUSED, cdm.notify(forwarding.id(), TransactionStatus.PROPOSED).outcome());
        assertEquals(before, world.holdings());

        cdm.notify(forwarding.id(), TransactionStatus.ACCEPTED);
        List<HeldBlock> after = world.holdings();
        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, cdm.notify(forwarding.id(), TransactionStatus.ACCEPTED).outcome());
        assertEquals(StatusOutcome.IGNORED_BECAUSE_FINAL, cdm.notify(forwarding.id(), TransactionStatus.REJECTED).outcome());
        assertEquals(after, world.holdings());
        assertEquals(490, cdm.reports().issuanceByProject().get(0).forwardedToOtherRegistries());
    }

    @Test
    void forwardingToAnAccountThatIsNotAHoldingAccountIsRefused() {
        AccountRef japaneseRetirement = AccountRef.of(CdmWorld.JP, AccountType.RETIREMENT, 9);

        ProposalOutcome outcome = cdm.forward(japaneseRetirement, world.units(CdmAccounts.PENDING, WIND_INDIA, 10));

        assertEquals(ResponseCode.EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT, outcome.refusals().get(0).code());
    }
}
