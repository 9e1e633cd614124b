package org.itlgateway.core.helpdesk;

/** In which role a stakeholder asks, as the CDM communication form names them. */
public enum StakeholderRole {
    PROJECT_PARTICIPANT,
    COORDINATING_MANAGING_ENTITY,
    DESIGNATED_NATIONAL_AUTHORITY,
    DESIGNATED_OPERATIONAL_ENTITY
}
