package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 2019: a block's project is in the project reference table (CDM and JI projects alike). */
public final class ProjectKnown extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.PROJECT_UNKNOWN;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        Long project = block.attributes().projectId();
        return project != null && context.projects().find(project).isEmpty();
    }

    @Override
    protected String description() {
        return "these blocks name a project that is not in the project reference table";
    }
}
