package org.itlgateway.gateway.security;

import java.util.Objects;
import org.itlgateway.gateway.pki.Credential;

/**
 * How a node signs and verifies: its own credential (the key never leaves this record's holder and is never
 * printed) and what it trusts.
 */
public record SigningSettings(Credential credential, TrustSettings trust) {

    public SigningSettings {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(trust, "trust");
    }

    /** The node code this node signs as (its certificate's CN). */
    public String signerCode() {
        return SignerIdentity.nodeCodeOf(credential.certificate());
    }

    @Override
    public String toString() {
        return "SigningSettings[" + credential + "]";
    }
}
