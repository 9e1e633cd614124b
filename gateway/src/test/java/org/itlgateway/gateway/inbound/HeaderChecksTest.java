package org.itlgateway.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.junit.jupiter.api.Test;

class HeaderChecksTest {

    private final HeaderChecks itl = new HeaderChecks("ITL", Set.of("CDM", "JP", "CITL")::contains);

    @Test
    void aWellAddressedRequestOfTheCurrentVersionPasses() {
        assertEquals(Optional.empty(), itl.refusal(message("CDM", "ITL", 1, 0, Operation.LOG_ACCEPT_PROPOSAL)));
    }

    @Test
    void aRequestForAnotherNodeIsRefusedWith1010() {
        assertRefused(ResponseCode.WRONG_RECIPIENT, itl.refusal(message("CDM", "CITL", 1, 0, Operation.LOG_ACCEPT_PROPOSAL)));
    }

    @Test
    void anotherMajorVersionIsRefusedWith1031() {
        assertRefused(ResponseCode.MAJOR_VERSION_UNSUPPORTED, itl.refusal(message("CDM", "ITL", 2, 0, Operation.LOG_ACCEPT_PROPOSAL)));
    }

    @Test
    void aNewerMinorVersionThanDes11IsRefusedWith1032() {
        assertRefused(ResponseCode.MINOR_VERSION_UNSUPPORTED, itl.refusal(message("CDM", "ITL", 1, 2, Operation.LOG_ACCEPT_PROPOSAL)));
    }

    @Test
    void aDes11HeaderAsRegistriesSentItInProductionAndA10HeaderAreBothAccepted() {
        assertTrue(itl.refusal(message("CDM", "ITL", 1, 1, Operation.LOG_ACCEPT_PROPOSAL)).isEmpty());
        assertTrue(itl.refusal(message("CDM", "ITL", 1, 0, Operation.LOG_ACCEPT_PROPOSAL)).isEmpty());
    }

    @Test
    void anUnknownSenderIsRefusedWith1001() {
        assertRefused(ResponseCode.UNKNOWN_SENDER, itl.refusal(message("NZ", "ITL", 1, 0, Operation.LOG_ACCEPT_PROPOSAL)));
    }

    @Test
    void aRegistryMayNotAskTheLogForItsTotalsAndIsRefusedWith1015() {
        assertRefused(ResponseCode.OPERATION_NOT_ALLOWED_FOR_SENDER, itl.refusal(message("CDM", "ITL", 1, 0, Operation.LOG_PROVIDE_TOTALS)));
    }

    @Test
    void aRegistryMayNotCallAnotherRegistry() {
        HeaderChecks jp = new HeaderChecks("JP", Set.of("ITL", "CDM")::contains);
        assertRefused(ResponseCode.OPERATION_NOT_ALLOWED_FOR_SENDER, jp.refusal(message("CDM", "JP", 1, 0, Operation.REGISTRY_ACCEPT_PROPOSAL)));
        assertFalse(jp.refusal(message("ITL", "JP", 1, 0, Operation.REGISTRY_ACCEPT_PROPOSAL)).isPresent());
    }

    private static void assertRefused(ResponseCode code, Optional<Receipt> refusal) {
        assertTrue(refusal.isPresent(), "refused");
        assertFalse(refusal.get().accepted());
        assertEquals(List.of(code), refusal.get().codes());
        assertFalse(refusal.get().reason().isBlank());
    }

    private static InboundMessage message(String from, String to, int major, int minor, Operation operation) {
        return new InboundMessage(Wire.of(operation).request(new Envelope(from, to, major, minor), null), from,
                Instant.parse("2024-03-14T09:30:00Z"), new byte[0]);
    }
}
