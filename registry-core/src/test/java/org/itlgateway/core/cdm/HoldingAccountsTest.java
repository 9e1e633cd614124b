package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.fixtures.TestClock;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.Test;

/** Holding accounts in the CDM registry: opening, transfers between them, and CP1 units after the true-up. */
class HoldingAccountsTest {

    private final CdmWorld world = new CdmWorld();
    private final CdmRegistry cdm = world.cdm;

    @Test
    void holdingAccountsAreNumberedAfterTheRegistrysOwnAccounts() {
        AccountRef first = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Gujarat Wind Ltd");
        AccountRef second = cdm.openHoldingAccount(AccountType.PERSON_HOLDING, "A. Person");

        assertEquals("CDM-120-10001-0", first.toString());
        assertEquals("CDM-121-10002-0", second.toString());
        assertEquals("Gujarat Wind Ltd", world.facts.find(first).orElseThrow().holder());
        assertTrue(world.facts.find(CdmAccounts.ADAPTATION_FUND).orElseThrow().isOpen());
    }

    @Test
    void unitsMoveBetweenHoldingAccountsByInternalTransfer() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        AccountRef seller = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Seller");
        AccountRef buyer = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Buyer");
        world.check(cdm.forward(seller, world.units(CdmAccounts.PENDING, WIND_INDIA, 300)));

        ProposalOutcome transfer = cdm.transfer(seller, buyer, world.units(seller, WIND_INDIA, 120));

        assertEquals(SupplementaryType.INTERNAL_TRANSFER, transfer.transaction().proposal().kind().orElseThrow());
        world.check(transfer);
        assertEquals(180, world.held(seller));
        assertEquals(120, world.held(buyer));
    }

    @Test
    void transfersThatNameWrongAccountsAreRefused() {
        world.issuedAndShared(WIND_INDIA, 1_000);
        AccountRef holder = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Holder");
        AccountRef closed = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Gone");
        world.facts.save(new Account(closed, "Gone", AccountStatus.CLOSED));
        world.check(cdm.forward(holder, world.units(CdmAccounts.PENDING, WIND_INDIA, 100)));
        List<UnitBlock> units = world.units(holder, WIND_INDIA, 10);

        assertEquals(ResponseCode.TRANSFER_INTO_PENDING_ACCOUNT,
                cdm.transfer(holder, CdmAccounts.PENDING, units).refusals().get(0).code());
        assertEquals(ResponseCode.ACQUIRING_ACCOUNT_NOT_OPEN, cdm.transfer(holder, closed, units).refusals().get(0).code());
        assertEquals(ResponseCode.SAME_ACCOUNT, cdm.transfer(holder, holder, units).refusals().get(0).code());
        assertEquals(ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED,
                cdm.transfer(CdmAccounts.PENDING, holder, world.units(CdmAccounts.PENDING, WIND_INDIA, 10)).refusals().get(0).code());
        assertEquals(ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED,
                cdm.forward(CdmAccounts.VOLUNTARY_CANCELLATION, world.units(CdmAccounts.PENDING, WIND_INDIA, 10)).refusals().get(0).code());
        assertEquals(ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN,
                cdm.forward(AccountRef.of(RegistryCode.CDM, AccountType.ENTITY_HOLDING, 99_999),
                        world.units(CdmAccounts.PENDING, WIND_INDIA, 10)).refusals().get(0).code());
    }

    @Test
    void cp1CersStayTransferableAndCancellableInsideTheRegistryAfterTheTrueUpPeriod() {
        TestClock clock = world.clock;
        world.issuedAndShared(WIND_INDIA, 1_000);
        AccountRef holder = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Holder");
        AccountRef other = cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Other");
        world.check(cdm.forward(holder, world.units(CdmAccounts.PENDING, WIND_INDIA, 500)));
        clock.set(Instant.parse("2024-05-02T10:00:00Z"));

        ProposalOutcome transfer = cdm.transfer(holder, other, world.units(holder, WIND_INDIA, 100));
        ProposalOutcome cancellation = cdm.cancelVoluntarily(holder, world.units(holder, WIND_INDIA, 200), "offset 2023", "Other");
        ProposalOutcome forwarding = cdm.forward(other, world.units(CdmAccounts.PENDING, WIND_INDIA, 50));

        assertTrue(world.check(transfer).completed());
        assertTrue(world.check(cancellation).completed());
        assertTrue(world.check(forwarding).completed());
        assertEquals(CommitmentPeriod.CP1, world.ledger().heldBy(other).get(0).block().attributes().originalPeriod());
        assertEquals(150, world.held(other));
        assertEquals(200, world.held(CdmAccounts.VOLUNTARY_CANCELLATION));
    }
}
