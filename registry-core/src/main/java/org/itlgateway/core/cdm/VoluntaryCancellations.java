package org.itlgateway.core.cdm;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.transaction.TransactionId;

/** The voluntary cancellations asked of the CDM registry and the attestations made for them. */
public interface VoluntaryCancellations {

    Optional<VoluntaryCancellation> find(TransactionId transaction);

    /** The attestations made, in the order the cancellations completed. */
    List<Attestation> attestations();

    /** Adds or replaces a voluntary cancellation. */
    void save(VoluntaryCancellation cancellation);
}
