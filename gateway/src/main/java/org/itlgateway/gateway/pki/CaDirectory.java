package org.itlgateway.gateway.pki;

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

/**
 * A CA kept in a directory: {@code ca.crt.pem}, {@code ca.key.pem} and {@code revoked.txt} (one revoked serial
 * number and its time per line). The PKI tool and the simulator's network share this layout.
 */
public final class CaDirectory {

    static final String CERTIFICATE = "ca.crt.pem";
    static final String KEY = "ca.key.pem";
    static final String REVOKED = "revoked.txt";

    private CaDirectory() {
    }

    public static boolean holdsCa(Path directory) {
        return Files.exists(directory.resolve(CERTIFICATE)) && Files.exists(directory.resolve(KEY));
    }

    /** The CA kept in the directory, with the certificates it revoked. */
    public static CertificateAuthority load(Path directory) {
        Credential credential = PkiFiles.readCredential(directory.resolve(CERTIFICATE), directory.resolve(KEY));
        Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
        try {
            Path list = directory.resolve(REVOKED);
            if (Files.exists(list)) {
                for (String line : Files.readAllLines(list)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 2) {
                        revoked.put(new BigInteger(parts[0]), Instant.parse(parts[1]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CertificateAuthority.of(credential, revoked);
    }

    /** A new CA written into the directory (which must not hold one yet). */
    public static CertificateAuthority create(Path directory, String name, KeyAlgorithm algorithm, Instant now,
                                              Duration validity) {
        if (holdsCa(directory)) {
            throw new IllegalStateException(directory.resolve(KEY) + " exists already; a CA is never overwritten");
        }
        try {
            Files.createDirectories(directory);
            CertificateAuthority ca = CertificateAuthority.create(name, algorithm, now, validity);
            PkiFiles.writeCertificates(directory.resolve(CERTIFICATE), List.of(ca.certificate()));
            PkiFiles.writePrivateKey(directory.resolve(KEY), ca.credential().privateKey());
            Files.writeString(directory.resolve(REVOKED), "");
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a revocation so that the next CRL lists it. */
    public static void recordRevocation(Path directory, BigInteger serial, Instant at) {
        try {
            Files.writeString(directory.resolve(REVOKED), serial + " " + at + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
