package org.itlgateway.core.check.eu;

import java.time.Instant;
import java.util.Objects;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 7003: from 1 May 2013 (on the node's clock) credits of HFC-23 destruction and of N2O destruction in adipic acid
 * production no longer enter an EU registry.
 */
public final class NoIndustrialGasCreditsInEuAfterApril2013 extends UnitBlockRule {

    /** The last moment such credits were accepted: 30 April 2013, end of day, UTC. */
    public static final Instant LAST_DAY = Instant.parse("2013-04-30T23:59:59Z");

    private final Instant lastDay;

    /** With the real date. */
    public NoIndustrialGasCreditsInEuAfterApril2013() {
        this(LAST_DAY);
    }

    /** With another last moment, for a network that plays other dates. */
    public NoIndustrialGasCreditsInEuAfterApril2013(Instant lastDay) {
        this.lastDay = Objects.requireNonNull(lastDay, "last day");
    }

    @Override
    public ResponseCode code() {
        return ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return EuMembership.entersEu(context) && context.now().isAfter(lastDay);
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        Long project = block.attributes().projectId();
        return project != null && context.projects().find(project).filter(Project::isIndustrialGas).isPresent();
    }

    @Override
    protected String description() {
        return "credits of HFC-23 and adipic acid N2O projects are refused in the EU after 30 April 2013";
    }
}
