package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.NZ;
import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.fixtures.RegistryNode;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemporaryHoldingAccountsTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;
    private final RegistryNode newZealand = new RegistryNode(NZ, world.clock);
    private final AccountRef nzHolding = newZealand.open(AccountType.ENTITY_HOLDING, 77);
    private AccountRef firstTemporary;
    private AccountRef secondTemporary;

    @BeforeEach
    void unitsWaitForTheNewZealandRegistry() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        firstTemporary = cdm.openTemporaryHoldingAccount("Kiwi Carbon Ltd", nzHolding);
        secondTemporary = cdm.openTemporaryHoldingAccount("Kiwi Carbon Ltd (second project round)", nzHolding);
        world.check(cdm.forward(firstTemporary, world.units(CdmAccounts.PENDING, WIND_INDIA, 300)));
        world.check(cdm.forward(secondTemporary, world.units(CdmAccounts.PENDING, WIND_INDIA, 200)));
    }

    @Test
    void nothingIsForwardedWhileTheRegistryIsNotConnected() {
        List<ProposalOutcome> outcomes = cdm.forwardTemporaryHoldingAccounts(NZ);

        assertEquals(ResponseCode.ACQUIRING_REGISTRY_NOT_OPERATING, outcomes.get(0).refusals().get(0).code());
        assertEquals(300, world.held(firstTemporary));
    }

    @Test
    void onceConnectedAllTemporaryAccountsAreForwardedInOneTransaction() {
        world.facts.save(new Registry(NZ, "New Zealand", RegistryStatus.OPERATING, false));

        List<ProposalOutcome> outcomes = cdm.forwardTemporaryHoldingAccounts(NZ);

        assertEquals(1, outcomes.size());
        Proposal forwarding = outcomes.get(0).transaction().proposal();
        assertEquals(SupplementaryType.EXTERNAL_TRANSFER, forwarding.kind().orElseThrow());
        assertEquals(nzHolding, forwarding.acquiringAccount());
        assertEquals(500, forwarding.quantity());
        Map<Long, AccountRef> leaving = new TreeMap<>();
        for (UnitBlock block : forwarding.blocks()) {
            leaving.merge(forwarding.transferringAccountOf(block).identifier(), forwarding.transferringAccountOf(block),
                    (a, b) -> a);
        }
        assertEquals(List.of(firstTemporary, secondTemporary), List.copyOf(leaving.values()));

        world.check(outcomes.get(0));
        assertTrue(newZealand.lifecycle().considerIncoming(forwarding).accepted());
        assertTrue(cdm.notify(forwarding.id(), TransactionStatus.ACCEPTED).completed());
        assertTrue(newZealand.lifecycle().notify(forwarding.id(), TransactionStatus.COMPLETED).completed());

        assertEquals(0, world.held(firstTemporary));
        assertEquals(0, world.held(secondTemporary));
        assertEquals(500, newZealand.ledger().quantityHeldBy(nzHolding));
        assertEquals(AccountStatus.CLOSED, world.facts.find(firstTemporary).orElseThrow().status());
        assertEquals(AccountStatus.CLOSED, world.facts.find(secondTemporary).orElseThrow().status());
        assertEquals(ResponseCode.NO_UNIT_BLOCKS, cdm.forwardTemporaryHoldingAccounts(NZ).get(0).refusals().get(0).code());
    }

    @Test
    void temporaryAccountsStayOpenWhenTheForwardingDoesNotComplete() {
        world.facts.save(new Registry(NZ, "New Zealand", RegistryStatus.OPERATING, false));
        ProposalOutcome outcome = cdm.forwardTemporaryHoldingAccounts(NZ).get(0);
        world.check(outcome);

        cdm.notify(outcome.transaction().id(), TransactionStatus.REJECTED);

        assertEquals(300, world.held(firstTemporary));
        assertTrue(world.facts.find(firstTemporary).orElseThrow().isOpen());
        assertEquals(300, UnitBlock.quantityOf(cdm.freeUnits(firstTemporary)));
    }

    @Test
    void temporaryAccountsForAnAccountInTheCdmRegistryAreForwardedBy10Dash52() {
        AccountRef participant = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Participant");
        AccountRef waiting = cdm.openTemporaryHoldingAccount("Participant", participant);
        world.check(cdm.forward(waiting, world.units(CdmAccounts.PENDING, WIND_INDIA, 40)));

        ProposalOutcome outcome = cdm.forwardTemporaryHoldingAccounts(RegistryCode.CDM).get(0);

        assertEquals(SupplementaryType.TEMPORARY_HOLDING_FORWARDING, outcome.transaction().proposal().kind().orElseThrow());
        assertTrue(world.check(outcome).completed());
        assertEquals(40, world.held(participant));
        assertFalse(world.facts.find(waiting).orElseThrow().isOpen());
    }

    @Test
    void moreThan3000WaitingBlocksGoInTransactionsOf3000() {
        world.facts.save(new Registry(NZ, "New Zealand", RegistryStatus.OPERATING, false));
        AccountRef crowded = cdm.openTemporaryHoldingAccount("Many small holders", nzHolding);
        UnitAttributes cers = UnitAttributes.cer(CdmWorld.BIOGAS_CAMBODIA, CommitmentPeriod.CP1);
        List<UnitBlock> scattered = new ArrayList<>();
        for (long serial = 2; serial <= 2 * 3_001; serial += 2) {
            scattered.add(UnitBlock.of(serial, serial, cers));
        }
        world.ledger().credit(crowded, scattered, world.clock.instant());

        List<ProposalOutcome> outcomes = cdm.forwardTemporaryHoldingAccounts(NZ);

        assertEquals(List.of(3_000, 3), outcomes.stream().map(o -> o.transaction().proposal().blocks().size()).toList());
        assertEquals(3_001 + 500, outcomes.stream().mapToLong(o -> o.transaction().proposal().quantity()).sum());
    }

    @Test
    void forwardingToAnUnknownRegistryIsRefused() {
        assertEquals(ResponseCode.ACQUIRING_REGISTRY_UNKNOWN,
                cdm.forwardTemporaryHoldingAccounts(RegistryCode.of("ZZ")).get(0).refusals().get(0).code());
    }
}
