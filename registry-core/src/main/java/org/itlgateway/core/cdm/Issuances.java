package org.itlgateway.core.cdm;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.transaction.TransactionId;

/** The CDM registry's completed issuances, with the share of proceeds each owes. */
public interface Issuances {

    Optional<Issuance> find(TransactionId issuance);

    /** The issuance whose share of proceeds a 3-47 transaction carries. */
    Optional<Issuance> findByShareOfProceedsTransaction(TransactionId shareOfProceeds);

    /** The issuances whose share of proceeds is not transferred yet, oldest first. */
    List<Issuance> withShareOfProceedsUnsettled();

    /** Adds or replaces an issuance. */
    void save(Issuance issuance);
}
