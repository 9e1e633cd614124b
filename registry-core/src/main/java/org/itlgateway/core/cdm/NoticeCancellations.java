package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/** The cancellations the CDM registry makes to fulfil an ITL notice, and what the notice asks of them. */
final class NoticeCancellations {

    private NoticeCancellations() {
    }

    /** The cancellation that fulfils a notice of this type in the CDM registry, if there is one. */
    static Optional<SupplementaryType> kindFor(NoticeType type) {
        return switch (type) {
            case EXCESS_ISSUANCE -> Optional.of(SupplementaryType.EXCESS_ISSUANCE_CANCELLATION);
            case CCS_NET_REVERSAL_OF_STORAGE -> Optional.of(SupplementaryType.CCS_NET_REVERSAL_CANCELLATION);
            case CCS_NON_SUBMISSION_OF_VERIFICATION_REPORT -> Optional.of(SupplementaryType.CCS_NON_SUBMISSION_CANCELLATION);
            default -> Optional.empty();
        };
    }

    /** Why the blocks cannot fulfil the notice: it is no longer open, or it is about another project. */
    static List<EvaluationResult> problems(Notice notice, List<UnitBlock> blocks) {
        List<EvaluationResult> problems = new ArrayList<>();
        if (!notice.isOpen()) {
            problems.add(EvaluationResult.of(ResponseCode.NOTICE_NOT_OPEN, "notice " + notice.id() + " is " + notice.status()));
        }
        if (notice.projectId() != null) {
            List<UnitBlockId> others = blocks.stream()
                    .filter(b -> !Objects.equals(b.attributes().projectId(), notice.projectId()))
                    .map(UnitBlock::id).toList();
            if (!others.isEmpty()) {
                problems.add(EvaluationResult.of(ResponseCode.NOTICE_TYPE_MISMATCH, others,
                        "notice " + notice.id() + " is about project " + notice.projectId()));
            }
        }
        return problems;
    }
}
