package org.itlgateway.gateway.operator;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.UnitBlockForm;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionType;

/**
 * A proposal written out in full by an operator, for any registry:
 * <pre>
 * {"type": 10, "supplementaryType": 0,               (or "kind": "INTERNAL_TRANSFER")
 *  "transferringAccount": "JP-120-20045-0",           (none for an issuance)
 *  "acquiringAccount": "JP-120-20046-0",
 *  "acquiringRegistry": "JP",                         (default: the acquiring account's registry, else this one)
 *  "notice": 12,                                      (the ITL notice it fulfils, if any)
 *  "blocks": [{...}, ...]}                            (see BlockRequest)
 * </pre>
 * The transferring registry is that of the transferring account, else this registry; the registry's own rules
 * then refuse a proposal for another registry (1024).
 */
final class ProposalBody {

    static final List<String> FIELDS = List.of("kind", "type", "supplementaryType", "transferringAccount",
            "acquiringAccount", "acquiringRegistry", "notice", "blocks");

    private ProposalBody() {
    }

    static ProposalForm formOf(TransactionRequest body, RegistryCode here, String placeholderId) {
        body.onlyFields(FIELDS);
        TransactionType type;
        int supplementary;
        if (body.kind() != null) {
            if (body.type() != null || body.supplementaryType() != null) {
                throw ApiProblem.badRequest("give either kind, or type and supplementaryType, not both");
            }
            type = body.kind().transactionType();
            supplementary = body.kind().code();
        } else {
            type = TransactionRequest.required(body.type(), "type", "a transaction type such as 10 (or kind)");
            long given = body.supplementaryType() == null ? 0L : body.supplementaryType();
            if (given < 0 || given > 999) {
                throw ApiProblem.invalid("supplementaryType", "supplementaryType must be a number from 0 to 999, not "
                        + given);
            }
            supplementary = (int) given;
        }
        Optional<AccountRef> from = Optional.ofNullable(body.transferringAccount());
        Optional<AccountRef> to = Optional.ofNullable(body.acquiringAccount());
        RegistryCode transferring = from.map(AccountRef::registry).orElse(here);
        RegistryCode acquiring = Optional.ofNullable(body.acquiringRegistry())
                .orElse(to.map(AccountRef::registry).orElse(here));
        List<BlockRequest> given = TransactionRequest.required(body.blocks(), "blocks", "the unit blocks of the proposal");
        List<UnitBlockForm> blocks = java.util.stream.IntStream.range(0, given.size())
                .mapToObj(i -> BlockFields.formOf(given.get(i), here, "blocks[" + i + "]")).toList();
        return new ProposalForm(placeholderId, type.code(), supplementary, transferring.value(),
                from.map(a -> a.type().code()).orElse(null), from.map(AccountRef::identifier).orElse(null),
                from.map(a -> a.period().code()).orElse(null), acquiring.value(),
                to.map(a -> a.type().code()).orElse(null), to.map(AccountRef::identifier).orElse(null),
                to.map(a -> a.period().code()).orElse(null), body.notice(), null, blocks);
    }
}
