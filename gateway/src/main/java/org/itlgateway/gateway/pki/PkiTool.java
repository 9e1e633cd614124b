package org.itlgateway.gateway.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The PKI of a registry network from the command line. A CA directory holds {@code ca.crt.pem},
 * {@code ca.key.pem}, {@code revoked.txt} and, per node, {@code <CODE>.crt.pem}, {@code <CODE>.key.pem} and
 * {@code <CODE>.p12} (with {@code <CODE>.p12.password} when its password was generated); {@code crl.pem} is
 * written by {@code crl}. Keys, stores and passwords are written readable by their owner only ({@link SecretFiles}),
 * and a node code must be one ({@link NodeCodes}) before it names a file.
 *
 * <pre>
 * pki init-ca  --dir pki [--algorithm EC_P256|RSA_2048]
 * pki issue    --dir pki CDM [--algorithm ...] [--days 825] [--password ...]   (default: a generated one)
 * pki revoke   --dir pki CDM
 * pki crl      --dir pki [--days 7]
 * </pre>
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Create a CA, issue registry certificates, revoke them and publish CRLs (PEM and PKCS#12).",
        subcommands = {PkiTool.InitCa.class, PkiTool.Issue.class, PkiTool.Revoke.class, PkiTool.Crl.class})
public final class PkiTool implements Runnable {

    static final String CA_KEY = CaDirectory.KEY;
    static final String CRL = "crl.pem";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        org.itlgateway.gateway.logging.LogFormat.useText();
        System.exit(run(args));
    }

    /** Runs the tool and answers its exit status. */
    public static int run(String... args) {
        return new CommandLine(new PkiTool()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "init-ca", description = "Create a new CA in the directory.")
    static final class InitCa implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The CA directory.")
        Path dir;
        @Option(names = "--name", defaultValue = "ITL Gateway Network CA", description = "The CA's name (default: ${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--algorithm", defaultValue = "EC_P256", description = "EC_P256 or RSA_2048 (default: ${DEFAULT-VALUE}).")
        KeyAlgorithm algorithm;
        @Option(names = "--days", defaultValue = "3650", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() throws IOException {
            if (CaDirectory.holdsCa(dir)) {
                System.err.println(dir.resolve(CA_KEY) + " exists already; refusing to overwrite a CA");
                return 1;
            }
            CaDirectory.create(dir, name, algorithm, Instant.now(), Duration.ofDays(days));
            System.out.println("CA created: " + dir.resolve(CaDirectory.CERTIFICATE));
            return 0;
        }
    }

    @Command(name = "issue", description = "Issue a signing certificate for a registry (or ITL, CITL).")
    static final class Issue implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The CA directory.")
        Path dir;
        @Parameters(index = "0", description = "The node code: a registry code (CDM, JP ...), ITL or CITL.")
        String code;
        @Option(names = "--algorithm", defaultValue = "EC_P256", description = "EC_P256 or RSA_2048 (default: ${DEFAULT-VALUE}).")
        KeyAlgorithm algorithm;
        @Option(names = "--days", defaultValue = "825", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days;
        @Option(names = "--password", description = "Password of the PKCS#12 file (default: a new random one, written "
                + "beside it as CODE.p12.password, readable by its owner only).")
        String password;
        @Option(names = "--tls-host", split = ",", description = "Issue a TLS certificate for these host names instead "
                + "(localhost and 127.0.0.1 always included), written as CODE.tls.crt.pem, CODE.tls.key.pem, CODE.tls.p12.")
        List<String> tlsHosts;

        @Override
        public Integer call() {
            if (!NodeCodes.isNodeCode(code)) {
                System.err.println("a node code is two capital letters, CDM, ITL or CITL, not " + code);
                return 2;
            }
            if (password != null && password.isEmpty()) {
                System.err.println("a PKCS#12 file needs a password; leave --password out to have one generated");
                return 2;
            }
            CertificateAuthority ca = load(dir);
            boolean tls = tlsHosts != null;
            Credential credential = tls
                    ? ca.issueServerCertificate(code, algorithm, Instant.now(), Duration.ofDays(days), tlsHosts)
                    : ca.issueNodeCertificate(code, algorithm, Instant.now(), Duration.ofDays(days));
            String stem = tls ? code + ".tls" : code;
            PkiFiles.writeCertificates(dir.resolve(stem + ".crt.pem"), credential.chain());
            PkiFiles.writePrivateKey(dir.resolve(stem + ".key.pem"), credential.privateKey());
            String storePassword = password;
            Path passwordFile = dir.resolve(stem + ".p12.password");
            if (storePassword == null) {
                storePassword = SecretFiles.newSecret(18);
                SecretFiles.write(passwordFile, storePassword + System.lineSeparator());
            }
            PkiFiles.writePkcs12(dir.resolve(stem + ".p12"), code.toLowerCase(java.util.Locale.ROOT), credential,
                    storePassword.toCharArray());
            System.out.println("issued " + credential.subject() + " serial " + credential.certificate().getSerialNumber()
                    + ": " + dir.resolve(stem + ".crt.pem") + ", " + dir.resolve(stem + ".key.pem") + ", " + dir.resolve(stem + ".p12"));
            if (password == null) {
                System.out.println("the PKCS#12 password was generated; it is in " + passwordFile + " (readable by you only)");
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke the certificate last issued to a node.")
    static final class Revoke implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The CA directory.")
        Path dir;
        @Parameters(index = "0", description = "The node code whose certificate is revoked.")
        String code;

        @Override
        public Integer call() throws IOException {
            if (!NodeCodes.isNodeCode(code)) {
                System.err.println("a node code is two capital letters, CDM, ITL or CITL, not " + code);
                return 2;
            }
            Path certificate = dir.resolve(code + ".crt.pem");
            if (!Files.exists(certificate)) {
                System.err.println("no certificate issued to " + code + " in " + dir);
                return 1;
            }
            X509Certificate revoked = PkiFiles.readCertificates(certificate).get(0);
            CaDirectory.recordRevocation(dir, revoked.getSerialNumber(), Instant.now());
            System.out.println("revoked " + code + " serial " + revoked.getSerialNumber() + "; publish a new CRL with 'crl'");
            return 0;
        }
    }

    @Command(name = "crl", description = "Publish the CA's certificate revocation list as crl.pem.")
    static final class Crl implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The CA directory.")
        Path dir;
        @Option(names = "--days", defaultValue = "7", description = "Days until the next update (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            CertificateAuthority ca = load(dir);
            PkiFiles.writeCrl(dir.resolve(CRL), ca.publishCrl(Instant.now(), Duration.ofDays(days)));
            System.out.println("CRL with " + ca.revoked().size() + " revoked certificate(s): " + dir.resolve(CRL));
            return 0;
        }
    }

    static CertificateAuthority load(Path dir) {
        return CaDirectory.load(dir);
    }
}
