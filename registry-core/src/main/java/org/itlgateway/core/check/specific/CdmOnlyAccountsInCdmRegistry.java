package org.itlgateway.core.check.specific;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlockId;

/** 5020: pending, excess-issuance and CCS cancellation accounts exist only in the CDM registry. */
public final class CdmOnlyAccountsInCdmRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.CDM_ONLY_ACCOUNT_OUTSIDE_CDM;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        Map<AccountRef, List<UnitBlockId>> named = new LinkedHashMap<>(ProposalAccounts.leaving(proposal));
        named.putAll(ProposalAccounts.acquiring(proposal));
        return ProposalAccounts.refuse(code(), named, account -> account.type().isCdmOnly() && !account.registry().isCdm(),
                "this type of account exists only in the CDM registry");
    }
}
