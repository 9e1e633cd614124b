package org.itlgateway.gateway.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.itlgateway.gateway.security.TrustAsOf;
import org.w3c.dom.NodeList;

/**
 * A self-contained export of a node's archive for an auditor: one JSON document (docs/evidence.md gives its
 * fields) with every record's fields and hashes from the first record to the head, the content of the records
 * selected (a period, or one transaction), every signed checkpoint, the certificates that signed them and the
 * selected messages, and the trust anchor and CRLs the exporter gave. {@code verify-archive --export FILE} checks it
 * with no database: the chain from the first record to the head, the checkpoints, and the selected messages'
 * signatures.
 */
public final class ArchiveExport {

    /** The format's name and version, the document's {@code format}. */
    public static final String FORMAT = "itl-gateway evidence export 1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /** What is exported with its content: records of a period ({@code [from, to)}), or of one transaction. */
    public record Selection(String from, String to, String transaction) {

        public static Selection period(Instant from, Instant to) {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a period runs from an instant to a later one, not from " + from
                        + " to " + to);
            }
            return new Selection(from.toString(), to.toString(), null);
        }

        public static Selection transaction(String id) {
            return new Selection(null, null, Objects.requireNonNull(id, "transaction"));
        }

        boolean selects(EvidenceRecord record) {
            if (transaction != null) {
                return transaction.equals(record.subject());
            }
            return !record.recordedAt().isBefore(Instant.parse(from)) && record.recordedAt().isBefore(Instant.parse(to));
        }
    }

    /** The head at the time of the export. */
    public record HeadEntry(long sequence, String sha256) {
    }

    /** A record; {@code content} (base64) only when selected. */
    public record RecordEntry(long sequence, String kind, String recordedAt, String operation, String subject,
                              String peer, String contentSha256, String previousSha256, String recordSha256,
                              String content) {

        static RecordEntry of(EvidenceRecord record, boolean withContent) {
            return new RecordEntry(record.sequence(), record.kind().name(), record.recordedAt().toString(),
                    record.operation(), record.subject(), record.peer(), record.contentSha256(), record.previousSha256(),
                    record.recordSha256(), withContent ? Base64.getEncoder().encodeToString(record.content()) : null);
        }

        EvidenceRecord record() {
            try {
                return new EvidenceRecord(sequence, EvidenceKind.valueOf(kind), Instant.parse(recordedAt), operation,
                        subject, peer, content == null ? null : Base64.getDecoder().decode(content), contentSha256,
                        previousSha256, recordSha256);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("record " + sequence + " of the export cannot be read (its kind, time"
                        + " or content is not what an export holds): " + e.getMessage(), e);
            }
        }
    }

    /** A checkpoint; its signer certificate and signature in base64 (DER, raw). */
    public record CheckpointEntry(long sequence, String recordSha256, String node, String signedAt,
                                  String signerCertificate, String signatureAlgorithm, String signature) {

        public static CheckpointEntry of(EvidenceCheckpoint checkpoint) {
            return new CheckpointEntry(checkpoint.sequence(), checkpoint.recordSha256(), checkpoint.node(),
                    checkpoint.signedAt().toString(), base64(EvidenceCheckpoints.der(checkpoint.signer())),
                    checkpoint.signatureAlgorithm(), base64(checkpoint.signature()));
        }

        public EvidenceCheckpoint checkpoint() {
            try {
                return new EvidenceCheckpoint(sequence, recordSha256, node, Instant.parse(signedAt),
                        EvidenceCheckpoints.certificate(Base64.getDecoder().decode(signerCertificate)),
                        signatureAlgorithm, Base64.getDecoder().decode(signature));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the checkpoint of record " + sequence + " in the export cannot be"
                        + " read: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The document.
     *
     * @param certificates the signers of the checkpoints and of the selected messages (base64 DER), once each
     * @param trustAnchor  the CA the exporter trusts (base64 DER), if given
     * @param crls         its CRLs (base64 DER)
     */
    public record Document(String format, String exportedAt, Selection selection, HeadEntry head,
                           List<RecordEntry> records, List<CheckpointEntry> checkpoints, List<String> certificates,
                           String trustAnchor, List<String> crls) {
    }

    private final Document document;

    private ArchiveExport(Document document) {
        this.document = document;
    }

    public Document document() {
        return document;
    }

    /**
     * Exports the archive on {@code connection} (read in one repeatable-read snapshot) with the content of the
     * records {@code selection} selects.
     */
    public static ArchiveExport of(Connection connection, Selection selection, Optional<X509Certificate> anchor,
                                   List<X509CRL> crls, Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            List<RecordEntry> records = new ArrayList<>();
            Set<String> certificates = new LinkedHashSet<>();
            EvidenceArchive.readAll(connection, 500, record -> {
                boolean selected = selection.selects(record);
                records.add(RecordEntry.of(record, selected));
                if (selected && record.kind() != EvidenceKind.STATUS_CHANGE) {
                    certificates.addAll(tokensIn(record.content()));
                }
            });
            List<CheckpointEntry> checkpoints = EvidenceCheckpoints.all(connection).stream()
                    .map(CheckpointEntry::of).toList();
            checkpoints.forEach(checkpoint -> certificates.add(checkpoint.signerCertificate()));
            EvidenceArchive.Head head = EvidenceArchive.head(connection);
            return new ArchiveExport(new Document(FORMAT, now.toString(), selection,
                    new HeadEntry(head.lastSequence(), head.lastSha256()), records, checkpoints,
                    List.copyOf(certificates), anchor.map(EvidenceCheckpoints::der).map(ArchiveExport::base64).orElse(null),
                    crls.stream().map(ArchiveExport::der).map(ArchiveExport::base64).toList()));
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Writes the export as JSON. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), document);
    }

    /** Reads an export; fails when the file is not one. */
    public static ArchiveExport read(Path file) throws IOException {
        Document document = JSON.readValue(Files.readAllBytes(file), Document.class);
        if (!FORMAT.equals(document.format())) {
            throw new IOException(file + " is not an evidence export (" + FORMAT + ")");
        }
        if (document.head() == null || document.records() == null) {
            throw new IOException(file + " has no head or no records");
        }
        return new ArchiveExport(document);
    }

    /** How many records carry their content. */
    public long selected() {
        return document.records().stream().filter(record -> record.content() != null).count();
    }

    /** The trust anchor and CRLs the export carries, if it carries an anchor. */
    public Optional<TrustAsOf> trust() {
        return Optional.ofNullable(document.trustAnchor())
                .map(anchor -> new TrustAsOf(EvidenceCheckpoints.certificate(Base64.getDecoder().decode(anchor)),
                        crls()));
    }

    /** The CRLs the export carries. */
    public List<X509CRL> crls() {
        List<X509CRL> crls = new ArrayList<>();
        for (String crl : document.crls() == null ? List.<String>of() : document.crls()) {
            try {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(Base64.getDecoder().decode(crl))));
            } catch (CertificateException | CRLException e) {
                throw new IllegalArgumentException("the export carries a CRL that cannot be read: " + e.getMessage(), e);
            }
        }
        return crls;
    }

    ArchiveSource source() {
        List<EvidenceRecord> records = document.records().stream().map(RecordEntry::record).toList();
        List<EvidenceCheckpoint> checkpoints = document.checkpoints() == null ? List.of()
                : document.checkpoints().stream().map(CheckpointEntry::checkpoint).toList();
        return new ArchiveSource() {
            @Override
            public void readAll(EvidenceArchive.RecordReader reader) throws SQLException {
                for (EvidenceRecord record : records) {
                    reader.read(record);
                }
            }

            @Override
            public List<Long> sequencesWithHash(String sha256) {
                return records.stream().filter(record -> sha256.equals(record.recordSha256()))
                        .map(EvidenceRecord::sequence).toList();
            }

            @Override
            public EvidenceArchive.Head head() {
                return new EvidenceArchive.Head(document.head().sequence(), document.head().sha256());
            }

            @Override
            public List<EvidenceCheckpoint> checkpoints() {
                return checkpoints;
            }
        };
    }

    /** The certificates (base64 DER) of a message's BinarySecurityTokens. */
    private static List<String> tokensIn(byte[] envelope) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList tokens = factory.newDocumentBuilder().parse(new ByteArrayInputStream(envelope))
                    .getElementsByTagNameNS(WSSE, "BinarySecurityToken");
            List<String> found = new ArrayList<>();
            for (int i = 0; i < tokens.getLength(); i++) {
                found.add(base64(Base64.getMimeDecoder().decode(tokens.item(i).getTextContent().trim())));
            }
            return found;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static byte[] der(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("a CRL that cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
