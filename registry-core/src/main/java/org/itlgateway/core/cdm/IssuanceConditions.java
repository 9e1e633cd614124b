package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.CommitmentPeriod;

/** What an issuance request must be before the CDM registry takes serial numbers for it. */
final class IssuanceConditions {

    private IssuanceConditions() {
    }

    static List<EvaluationResult> problems(IssuanceRequest request, Projects projects) {
        List<EvaluationResult> problems = new ArrayList<>();
        if (projects.find(request.projectId()).isEmpty() || !SerialNumbers.hasSpace(request.projectId())) {
            problems.add(EvaluationResult.of(ResponseCode.PROJECT_UNKNOWN,
                    "project " + request.projectId() + " is not in the project reference table"));
        }
        if (!request.unitType().isCdmUnit()) {
            problems.add(EvaluationResult.of(ResponseCode.ISSUANCE_BY_WRONG_REGISTRY,
                    "the CDM registry issues CERs, tCERs and lCERs, not " + request.unitType().label()));
        }
        if (request.quantity() < 1) {
            problems.add(EvaluationResult.of(ResponseCode.NO_UNIT_BLOCKS, "an issuance has at least one unit"));
        }
        if (request.period() == CommitmentPeriod.ZERO) {
            problems.add(EvaluationResult.of(ResponseCode.KYOTO_UNIT_WITHOUT_PERIOD,
                    "CDM units are issued for the first or second commitment period"));
        }
        if (request.unitType().isTemporary() && request.expiryDate() == null) {
            problems.add(EvaluationResult.of(ResponseCode.EXPIRY_DATE_REQUIRED, "tCERs and lCERs have an expiry date"));
        }
        if (!request.unitType().isTemporary() && request.expiryDate() != null) {
            problems.add(EvaluationResult.of(ResponseCode.EXPIRY_DATE_NOT_ALLOWED, "CERs do not expire"));
        }
        return problems;
    }
}
