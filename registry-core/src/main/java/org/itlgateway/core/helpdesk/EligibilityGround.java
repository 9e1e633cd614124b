package org.itlgateway.core.helpdesk;

/** On what ground a query is, or is not, one the help desk answers. */
public enum EligibilityGround {
    /** The host Party is an African state. */
    AFRICAN_STATE,
    /** The host Party is a least developed country. */
    LEAST_DEVELOPED_COUNTRY,
    /** The host Party is a small island developing state. */
    SMALL_ISLAND_DEVELOPING_STATE,
    /** The host Party had 10 or fewer registered CDM projects on 31 December 2010. */
    FEW_PROJECTS_BY_2010,
    /** None of these: the host Party had more than 10 projects registered by 31 December 2010. */
    NOT_ELIGIBLE,
    /** The query names no host Party the help desk can decide on. */
    HOST_PARTY_UNKNOWN
}
