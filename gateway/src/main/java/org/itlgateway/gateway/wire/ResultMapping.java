package org.itlgateway.gateway.wire;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.schemas.v1.types.DesEvaluationResult;
import org.itlgateway.schemas.v1.types.DesEvaluationResultList;
import org.itlgateway.schemas.v1.types.DesUnitBlockIdentifier;

/** Evaluation results and unit block identifiers between the domain and the wire. */
public final class ResultMapping {

    private ResultMapping() {
    }

    public static DesEvaluationResultList toWire(List<EvaluationResult> results) {
        DesEvaluationResultList list = new DesEvaluationResultList();
        for (EvaluationResult result : results) {
            DesEvaluationResult wire = new DesEvaluationResult();
            wire.setResponseCode(result.code().code());
            for (UnitBlockId block : result.blocks()) {
                wire.getUnitBlockIdentifier().add(toWire(block));
            }
            String description = result.description();
            wire.setDescription(description.length() > 500 ? description.substring(0, 500) : description);
            list.getEvaluationResult().add(wire);
        }
        return list;
    }

    /** Results read from the wire; a code the catalogue does not know is kept as "refused by the acquiring registry". */
    public static List<EvaluationResult> fromWire(DesEvaluationResultList list) {
        List<EvaluationResult> results = new ArrayList<>();
        for (DesEvaluationResult wire : list.getEvaluationResult()) {
            ResponseCode code = CodedValue.fromCodeOrNull(ResponseCode.class, wire.getResponseCode());
            String description = wire.getDescription();
            if (code == null) {
                description = "code " + wire.getResponseCode() + (description == null ? "" : ": " + description);
                code = ResponseCode.ACQUIRING_REGISTRY_REFUSES_TRANSACTION;
            }
            List<UnitBlockId> blocks = new ArrayList<>();
            for (DesUnitBlockIdentifier id : wire.getUnitBlockIdentifier()) {
                blocks.add(fromWire(id));
            }
            results.add(new EvaluationResult(code, blocks, description));
        }
        return results;
    }

    public static DesUnitBlockIdentifier toWire(UnitBlockId block) {
        return UnitBlockMapping.write(block, new DesUnitBlockIdentifier());
    }

    public static UnitBlockId fromWire(DesUnitBlockIdentifier wire) {
        return UnitBlockMapping.idOf(wire);
    }
}
