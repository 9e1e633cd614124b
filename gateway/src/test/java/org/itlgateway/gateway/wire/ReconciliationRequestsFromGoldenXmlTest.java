package org.itlgateway.gateway.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.AuditTrailAsked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.Initiation;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.TotalsAsked;
import org.itlgateway.gateway.wire.RegistryReconciliationMessages.UnitBlocksAsked;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation requests of the golden messages (schemas/src/test/resources/golden/registry), read as a registry
 * reads them, give the values written here by hand from the XML: the identifier a string holding the log's number,
 * the DES filters of provideTotals, provideUnitBlocks and provideAuditTrail each where the DES puts it.
 */
class ReconciliationRequestsFromGoldenXmlTest {

    @Test
    void initiateReconciliationNamesTheRunAndItsSnapshotDatetime() throws IOException {
        assertEquals(new Initiation(20231, Instant.parse("2024-03-15T00:00:00Z")),
                asked(Operation.REGISTRY_INITIATE_RECONCILIATION, "initiateReconciliation.xml"));
    }

    @Test
    void provideTotalsCarriesTheDesFiltersAndTheByAccountFlag() throws IOException {
        assertEquals(new TotalsAsked(20231, new HoldingGroup(AccountType.PARTY_HOLDING, null, null, UnitType.CER, null),
                        true),
                asked(Operation.REGISTRY_PROVIDE_TOTALS, "provideTotals.xml"));
    }

    @Test
    void provideUnitBlocksCarriesOneUnitBlockRequestWithEveryField() throws IOException {
        assertEquals(new UnitBlocksAsked(20231, List.of(new HoldingGroup(AccountType.PARTY_HOLDING, 1100L,
                        CommitmentPeriod.ZERO, UnitType.CER, 0))),
                asked(Operation.REGISTRY_PROVIDE_UNIT_BLOCKS, "provideUnitBlocks.xml"));
    }

    @Test
    void provideAuditTrailCarriesItsPeriodTheUnitTypeFilterAndTheBlocks() throws IOException {
        assertEquals(new AuditTrailAsked(20231, Instant.parse("2024-03-14T00:00:00Z"), Instant.parse("2024-03-15T00:00:00Z"),
                        List.of(UnitBlockId.of(RegistryCode.CDM, 1_000_001, 1_000_200)),
                        new HoldingGroup(null, null, null, UnitType.CER, null)),
                asked(Operation.REGISTRY_PROVIDE_AUDIT_TRAIL, "provideAuditTrail.xml"));
    }

    private static RegistryReconciliationMessages.Asked asked(Operation operation, String golden) throws IOException {
        byte[] envelope = Files.readAllBytes(goldenRegistryMessages().resolve(golden));
        Request<?> request = PayloadCodec.fromEnvelope(operation, envelope);
        return RegistryReconciliationMessages.askedIn(new InboundMessage(request, "ITL", Instant.EPOCH, envelope));
    }

    private static Path goldenRegistryMessages() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("schemas/src/test/resources/golden/registry"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no schemas/src/test/resources/golden above " + Path.of("").toAbsolutePath());
        }
        return directory.resolve("schemas/src/test/resources/golden/registry");
    }
}
