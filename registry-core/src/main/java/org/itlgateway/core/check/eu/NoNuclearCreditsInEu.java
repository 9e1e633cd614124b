package org.itlgateway.core.check.eu;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 7002: credits of nuclear projects never enter an EU registry. A project missing from the reference table passes here.
 */
public final class NoNuclearCreditsInEu extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.NUCLEAR_PROJECT_CREDITS;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return EuMembership.entersEu(context);
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        Long project = block.attributes().projectId();
        return project != null && context.projects().find(project)
                .filter(found -> found.category() == ProjectCategory.NUCLEAR).isPresent();
    }

    @Override
    protected String description() {
        return "these credits come from nuclear projects, which the EU does not accept";
    }
}
