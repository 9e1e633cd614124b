package org.itlgateway.core.check;

import static org.itlgateway.core.fixtures.UnitBlockBuilder.aau;
import static org.itlgateway.core.fixtures.UnitBlockBuilder.tcer;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.itlgateway.core.check.catalogue.Catalogues;
import org.itlgateway.core.fixtures.InMemoryFacts;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.fixtures.ProposalBuilder;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionType;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules answer for proposals with nothing optional in them, and for a node that knows nothing: they never throw. */
class ChecksAreRobustTest {

    private static final RegistryCode JP = RegistryCode.of("JP");

    /** Every kind of transaction (and every type with an unknown supplementary type), bare and with blocks only. */
    static Stream<Named<Proposal>> bareProposals() {
        List<Named<Proposal>> proposals = new ArrayList<>();
        List<ProposalBuilder> kinds = new ArrayList<>();
        for (SupplementaryType kind : SupplementaryType.values()) {
            kinds.add(ProposalBuilder.proposal(kind));
        }
        for (TransactionType type : TransactionType.values()) {
            kinds.add(ProposalBuilder.proposal(SupplementaryType.ISSUANCE).type(type).supplementaryType(98));
        }
        for (ProposalBuilder kind : kinds) {
            kind.transferringRegistry(JP).notice(null);
            Proposal bare = kind.blocks().build();
            String name = bare.type().code() + "-" + bare.supplementaryType();
            proposals.add(Named.of(name + " without accounts or blocks", bare));
            proposals.add(Named.of(name + " with blocks only",
                    kind.blocks(aau(JP, 1, 10).build(), tcer(Network.FOREST, 1, 10, null).build()).notice(404L).build()));
        }
        return proposals.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bareProposals")
    void everyRuleAnswersForABareProposal(Proposal proposal) {
        Network network = new Network();
        assertDoesNotThrow(() -> Catalogues.itl().evaluate(network.context(proposal)));
        assertDoesNotThrow(() -> Catalogues.citl().evaluate(network.context(proposal, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bareProposals")
    void everyRuleAnswersOnANodeThatKnowsNothing(Proposal proposal) {
        InMemoryFacts nothing = new InMemoryFacts();
        CheckContext context = new CheckContext(proposal, null, Instant.EPOCH, nothing, nothing, nothing, nothing,
                nothing.notices(), nothing, RuleParameters.defaults());
        assertDoesNotThrow(() -> Catalogues.itl().evaluate(context));
        assertDoesNotThrow(() -> Catalogues.citl().evaluate(context));
    }

    @Test
    void aProposalOfTheLargestSerialsDoesNotOverflowTheQuantityRules() {
        Network network = new Network();
        Proposal huge = network.validAauIssuance()
                .blocks(aau(JP, 1, Long.MAX_VALUE - 1).build(), aau(JP, Long.MAX_VALUE, Long.MAX_VALUE).build()).build();
        Evaluation evaluation = assertDoesNotThrow(() -> Catalogues.itl().evaluate(network.context(huge)));
        assertTrue(evaluation.failedWith(ResponseCode.AAU_ISSUANCE_OVER_ASSIGNED_AMOUNT), evaluation.toString());
    }
}
