package org.itlgateway.core.check.sequence;

import static org.itlgateway.core.fixtures.Network.JP;
import static org.itlgateway.core.fixtures.Network.NOW;
import static org.itlgateway.core.fixtures.Verdicts.assertPasses;
import static org.itlgateway.core.fixtures.Verdicts.assertRefused;

import java.time.Duration;
import java.time.Instant;
import org.itlgateway.core.fixtures.Network;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.junit.jupiter.api.Test;

class TimingChecksTest {

    private static final Instant LAST_MOMENT_OF_CP2_TRUE_UP = Instant.parse("2023-09-09T23:59:59Z");

    private final Network network = new Network();

    @Test
    void proposalDatedBeyondTheAllowedSkewIsRefusedWith4004() {
        assertRefused(4004, new ProposalNotDatedInFuture(),
                network.context(network.validInternalTransfer().proposedAt(NOW.plus(Duration.ofMinutes(6)))));
    }

    @Test
    void proposalDatedWithinTheSkewPasses4004() {
        assertPasses(new ProposalNotDatedInFuture(),
                network.context(network.validInternalTransfer().proposedAt(NOW.plus(Duration.ofMinutes(5)))));
    }

    @Test
    void proposalOlderThanTheCompletionLimitIsRefusedWith4005() {
        assertRefused(4005, new ProposalNotTooOld(),
                network.context(network.validInternalTransfer().proposedAt(NOW.minus(Duration.ofHours(25)))));
    }

    @Test
    void proposalOfTheLastDayPasses4005() {
        assertPasses(new ProposalNotTooOld(),
                network.context(network.validInternalTransfer().proposedAt(NOW.minus(Duration.ofHours(24)))));
    }

    @Test
    void noticeFulfilledTheDayAfterItsTargetDateIsRefusedWith4006() {
        network.at(Instant.parse("2021-01-01T00:00:00Z"));
        assertRefused(4006, new NoticeNotPastDue(), network.context(network.validNetSourceCancellation()));
    }

    @Test
    void noticeFulfilledOnItsTargetDateOrWithoutOnePasses4006() {
        network.at(Instant.parse("2020-12-31T23:59:59Z"));
        assertPasses(new NoticeNotPastDue(), network.context(network.validNetSourceCancellation()));
        network.notice(Network.NET_SOURCE_NOTICE, NoticeType.NET_SOURCE_CANCELLATION, NoticeStatus.OPEN, JP, null);
        network.at(Instant.parse("2025-01-01T00:00:00Z"));
        assertPasses(new NoticeNotPastDue(), network.context(network.validNetSourceCancellation()));
    }

    @Test
    void externalTransferAfterTrueUpIsRefusedWith4007() {
        network.at(LAST_MOMENT_OF_CP2_TRUE_UP.plusSeconds(1));
        assertRefused(4007, new NoInternationalTransferAfterTrueUp(), network.context(network.validExternalTransfer()));
    }

    @Test
    void externalTransferOnTheLastSecondOfTheTrueUpPasses4007() {
        network.at(LAST_MOMENT_OF_CP2_TRUE_UP);
        assertPasses(new NoInternationalTransferAfterTrueUp(), network.context(network.validExternalTransfer()));
    }

    @Test
    void transactionsInsideARegistryPass4007AfterTheTrueUp() {
        network.at(Instant.parse("2026-01-01T00:00:00Z"));
        assertPasses(new NoInternationalTransferAfterTrueUp(), network.context(network.validInternalTransfer()));
        assertPasses(new NoInternationalTransferAfterTrueUp(), network.context(network.validShareOfProceeds()));
    }
}
