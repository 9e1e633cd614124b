package org.itlgateway.core.check.general;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionType;

/**
 * 3020: a transaction fulfils a notice addressed to its registry and of the type it is made for: the one its
 * supplementary type fulfils, unit carry-over for a carry-over, previous-period surplus reserve for an internal
 * transfer into that account.
 */
public final class NoticeTypeMatchesTransaction implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.NOTICE_TYPE_MISMATCH;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (proposal.noticeId() == null || proposal.kind().isEmpty()) {
            return Optional.empty();
        }
        Optional<Notice> found = context.notices().find(proposal.noticeId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Notice notice = found.get();
        if (!notice.registry().equals(proposal.transferringRegistry())) {
            return refuse("ITL notice " + notice.id() + " is addressed to " + notice.registry() + ", not to "
                    + proposal.transferringRegistry());
        }
        SupplementaryType kind = proposal.kind().get();
        return fulfilled(kind, proposal).contains(notice.type()) ? Optional.empty()
                : refuse("a transaction of type " + kind + " cannot fulfil a notice of type "
                        + notice.type().code() + " " + notice.type().label());
    }

    private static Set<NoticeType> fulfilled(SupplementaryType kind, Proposal proposal) {
        Set<NoticeType> types = EnumSet.noneOf(NoticeType.class);
        kind.fulfils().ifPresent(types::add);
        if (kind.transactionType() == TransactionType.CARRY_OVER) {
            types.add(NoticeType.UNIT_CARRY_OVER);
        }
        AccountRef to = proposal.acquiringAccount();
        if (kind == SupplementaryType.INTERNAL_TRANSFER && to != null && to.type() == AccountType.PREVIOUS_PERIOD_SURPLUS_RESERVE) {
            types.add(NoticeType.PREVIOUS_PERIOD_SURPLUS_RESERVE);
        }
        return types;
    }
}
