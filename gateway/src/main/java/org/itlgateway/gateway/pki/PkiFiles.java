package org.itlgateway.gateway.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Keys, certificates and CRLs as files other toolkits read: PEM (PKCS#8 keys, X.509 certificates, CRLs) and
 * PKCS#12 key stores. Private keys and key stores are written as {@link SecretFiles}: 0600 from their creation,
 * never through a symbolic link, replaced in one step.
 */
public final class PkiFiles {

    private PkiFiles() {
    }

    /** The certificate chain as PEM, leaf first. */
    public static String certificatesPem(List<X509Certificate> chain) {
        return pem(chain.toArray());
    }

    /** The private key as unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
    public static String privateKeyPem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String crlPem(X509CRL crl) {
        return pem(crl);
    }

    public static void writeCertificates(Path file, List<X509Certificate> chain) {
        write(file, certificatesPem(chain));
    }

    public static void writePrivateKey(Path file, PrivateKey key) {
        SecretFiles.write(file, privateKeyPem(key));
    }

    public static void writeCrl(Path file, X509CRL crl) {
        write(file, crlPem(crl));
    }

    /** A PKCS#12 store holding the credential under {@code alias}, protected by {@code password}. */
    public static void writePkcs12(Path file, String alias, Credential credential, char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a PKCS#12 store needs a password: " + file);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, credential.privateKey(), password, credential.chain().toArray(Certificate[]::new));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            SecretFiles.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first key entry of a PKCS#12 store. */
    public static Credential readPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new Credential((PrivateKey) store.getKey(alias, password), chain.get(0), chain);
                }
            }
            throw new IllegalArgumentException(file + " holds no private key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : parse(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("bad certificate in " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return certificates;
    }

    public static PrivateKey readPrivateKey(Path file) {
        for (Object object : parse(file)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException(file + " holds no private key");
    }

    public static X509CRL readCrl(Path file) {
        for (Object object : parse(file)) {
            if (object instanceof X509CRLHolder holder) {
                try {
                    return new JcaX509CRLConverter().getCRL(holder);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("bad CRL in " + file + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException(file + " holds no CRL");
    }

    /** A credential from a PEM certificate chain and a PEM private key. */
    public static Credential readCredential(Path certificates, Path privateKey) {
        List<X509Certificate> chain = readCertificates(certificates);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(certificates + " holds no certificate");
        }
        return new Credential(readPrivateKey(privateKey), chain.get(0), chain);
    }

    private static List<Object> parse(Path file) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static String pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(Path file, String content) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                writer.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
