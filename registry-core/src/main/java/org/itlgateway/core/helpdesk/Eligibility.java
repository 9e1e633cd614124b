package org.itlgateway.core.helpdesk;

import java.util.Objects;

/**
 * Whether the help desk answers a query, and why: the ground it was decided on and the reason in words.
 *
 * @param eligible true when the help desk answers it within 15 working days
 * @param ground   the rule that decided
 * @param reason   the decision as the stakeholder and the operator read it
 */
public record Eligibility(boolean eligible, EligibilityGround ground, String reason) {

    public Eligibility {
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(reason, "reason");
    }

    static Eligibility eligible(EligibilityGround ground, String reason) {
        return new Eligibility(true, ground, reason);
    }

    static Eligibility notEligible(EligibilityGround ground, String reason) {
        return new Eligibility(false, ground, reason);
    }
}
