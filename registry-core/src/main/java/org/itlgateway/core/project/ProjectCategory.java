package org.itlgateway.core.project;

/** The kinds of project that some rules treat apart. */
public enum ProjectCategory {
    OTHER,
    /** HFC-23 destruction: credits refused in the EU after 30 April 2013. */
    HFC23_DESTRUCTION,
    /** N2O destruction in adipic acid production: credits refused in the EU after 30 April 2013. */
    N2O_ADIPIC_ACID,
    /** Nuclear: credits never accepted in the EU. */
    NUCLEAR,
    /** Hydro power: over 20 MW accepted in the EU only with the compliance flag. */
    HYDRO,
    /** Afforestation and reforestation: issues tCERs or lCERs. */
    AFFORESTATION_REFORESTATION,
    /** Carbon capture and storage. */
    CARBON_CAPTURE_AND_STORAGE
}
