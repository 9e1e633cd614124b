package org.itlgateway.simulator.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.pki.PkiFiles;

/**
 * The network's CA kept in a directory across runs, in the same layout as the PKI tool's (ca.crt.pem,
 * ca.key.pem, revoked.txt), so certificates issued for a tester's registry stay valid after a restart.
 */
final class NetworkCa {

    private NetworkCa() {
    }

    static CertificateAuthority keptIn(Path directory, Instant now) {
        Path certificate = directory.resolve("ca.crt.pem");
        Path key = directory.resolve("ca.key.pem");
        try {
            if (Files.exists(certificate) && Files.exists(key)) {
                Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
                Path list = directory.resolve("revoked.txt");
                if (Files.exists(list)) {
                    for (String line : Files.readAllLines(list)) {
                        String[] parts = line.trim().split("\\s+");
                        if (parts.length == 2) {
                            revoked.put(new BigInteger(parts[0]), Instant.parse(parts[1]));
                        }
                    }
                }
                return CertificateAuthority.of(PkiFiles.readCredential(certificate, key), revoked);
            }
            Files.createDirectories(directory);
            CertificateAuthority ca = CertificateAuthority.create("ITL Gateway Simulator CA", KeyAlgorithm.EC_P256, now,
                    Duration.ofDays(3650));
            PkiFiles.writeCertificates(certificate, List.of(ca.certificate()));
            PkiFiles.writePrivateKey(key, ca.credential().privateKey());
            Files.writeString(directory.resolve("revoked.txt"), "");
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the network's CA in " + directory + ": " + e.getMessage(), e);
        }
    }
}
