package org.itlgateway.gateway.operator;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.UnitBlockForm;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionType;

/**
 * A proposal written out in full by an operator, for any registry:
 * <pre>
 * {"type": 10, "supplementaryType": 0,               (or "kind": "INTERNAL_TRANSFER")
 *  "transferringAccount": "JP-120-20045-0",           (none for an issuance)
 *  "acquiringAccount": "JP-120-20046-0",
 *  "acquiringRegistry": "JP",                         (default: the acquiring account's registry, else this one)
 *  "notice": 12,                                      (the ITL notice it fulfils, if any)
 *  "blocks": [{...}, ...]}                            (see BlockFields)
 * </pre>
 * The transferring registry is that of the transferring account, else this registry; the registry's own rules
 * then refuse a proposal for another registry (1024).
 */
final class ProposalBody {

    static final List<String> FIELDS = List.of("kind", "type", "supplementaryType", "transferringAccount",
            "acquiringAccount", "acquiringRegistry", "notice", "blocks");

    private ProposalBody() {
    }

    static ProposalForm formOf(JsonBody body, RegistryCode here, String placeholderId) {
        body.onlyFields(FIELDS);
        Optional<SupplementaryType> kind = CodeLists.optionalKind(body, "kind");
        TransactionType type;
        int supplementary;
        if (kind.isPresent()) {
            if (body.has("type") || body.has("supplementaryType")) {
                throw ApiProblem.badRequest("give either kind, or type and supplementaryType, not both");
            }
            type = kind.get().transactionType();
            supplementary = kind.get().code();
        } else {
            type = CodeLists.transactionType(body, "type");
            long given = body.optionalWhole("supplementaryType").orElse(0L);
            if (given < 0 || given > 999) {
                throw ApiProblem.badRequest("supplementaryType must be a number from 0 to 999, not " + given);
            }
            supplementary = (int) given;
        }
        Optional<AccountRef> from = body.optionalAccount("transferringAccount");
        Optional<AccountRef> to = body.optionalAccount("acquiringAccount");
        RegistryCode transferring = from.map(AccountRef::registry).orElse(here);
        RegistryCode acquiring = body.optionalRegistry("acquiringRegistry")
                .orElse(to.map(AccountRef::registry).orElse(here));
        if (!body.has("blocks")) {
            throw ApiProblem.badRequest("blocks is required: the unit blocks of the proposal");
        }
        List<UnitBlockForm> blocks = body.objects("blocks").stream().map(block -> BlockFields.formOf(block, here)).toList();
        return new ProposalForm(placeholderId, type.code(), supplementary, transferring.value(),
                from.map(a -> a.type().code()).orElse(null), from.map(AccountRef::identifier).orElse(null),
                from.map(a -> a.period().code()).orElse(null), acquiring.value(),
                to.map(a -> a.type().code()).orElse(null), to.map(AccountRef::identifier).orElse(null),
                to.map(a -> a.period().code()).orElse(null), body.optionalWhole("notice").orElse(null), null, blocks);
    }
}
