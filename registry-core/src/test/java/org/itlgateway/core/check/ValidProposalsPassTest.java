package org.itlgateway.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.itlgateway.core.check.catalogue.Catalogues;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalBuilder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A well-formed proposal of every kind passes every check: no rule refuses what it does not concern. */
class ValidProposalsPassTest {

    static Stream<Named<Function<Network, ProposalBuilder>>> everyKind() {
        return Stream.of(
                Named.of("CER issuance", Network::validCerIssuance),
                Named.of("AAU issuance", Network::validAauIssuance),
                Named.of("conversion", Network::validConversion),
                Named.of("external transfer from the pending account", Network::validExternalTransfer),
                Named.of("share of proceeds", Network::validShareOfProceeds),
                Named.of("voluntary cancellation", Network::validVoluntaryCancellation),
                Named.of("net source cancellation", Network::validNetSourceCancellation),
                Named.of("retirement", Network::validRetirement),
                Named.of("replacement", Network::validReplacement),
                Named.of("carry-over", Network::validCarryOver),
                Named.of("expiry date change", Network::validExpiryDateChange),
                Named.of("internal transfer", Network::validInternalTransfer),
                Named.of("forwarding from the pending account", Network::validForwarding),
                Named.of("AAU transfer into the EU", Network::validTransferToEu),
                Named.of("CER transfer into the EU", Network::validCerTransferToEu),
                Named.of("transfer out of the EU", Network::validTransferFromEu),
                Named.of("internal transfer in the EU", Network::validEuInternalTransfer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void passesEveryItlCheck(Function<Network, ProposalBuilder> kind) {
        Network network = new Network();
        Evaluation evaluation = Catalogues.itl().evaluate(network.context(kind.apply(network)));
        assertEquals(List.of(), evaluation.results());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void passesEveryCitlCheck(Function<Network, ProposalBuilder> kind) {
        Network network = new Network();
        Evaluation evaluation = Catalogues.citl().evaluate(network.context(kind.apply(network)));
        assertEquals(List.of(), evaluation.results());
    }
}
