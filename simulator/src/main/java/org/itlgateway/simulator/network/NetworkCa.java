package org.itlgateway.simulator.network;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.itlgateway.gateway.pki.CaDirectory;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.KeyAlgorithm;

/**
 * The network's CA kept in a directory across runs, in the PKI tool's layout, so certificates issued for a
 * tester's registry stay valid after a restart.
 */
final class NetworkCa {

    private NetworkCa() {
    }

    static CertificateAuthority keptIn(Path directory, Instant now) {
        return CaDirectory.holdsCa(directory) ? CaDirectory.load(directory)
                : CaDirectory.create(directory, "ITL Gateway Simulator CA", KeyAlgorithm.EC_P256, now, Duration.ofDays(3650));
    }
}
