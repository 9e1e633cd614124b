package org.itlgateway.core.cdm;

import java.time.Instant;
import java.util.Objects;
import org.itlgateway.core.transaction.TransactionId;

/**
 * A voluntary cancellation asked of the CDM registry: its purpose and beneficiary, kept from the proposal until
 * the transaction completes and the attestation is made.
 *
 * @param transaction the cancellation transaction (4-0)
 * @param purpose     why the units are cancelled, in the requester's words
 * @param beneficiary on whose behalf
 * @param requestedAt when it was proposed
 * @param attestation the attestation of cancellation once the transaction completed, else {@code null}
 */
public record VoluntaryCancellation(TransactionId transaction, String purpose, String beneficiary, Instant requestedAt,
                                    Attestation attestation) {

    public VoluntaryCancellation {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(requestedAt, "time of request");
        purpose = purpose == null ? "" : purpose;
        beneficiary = beneficiary == null ? "" : beneficiary;
    }

    public VoluntaryCancellation attested(Attestation made) {
        return new VoluntaryCancellation(transaction, purpose, beneficiary, requestedAt, made);
    }
}
