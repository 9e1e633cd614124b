package org.itlgateway.simulator.itl;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.w3c.dom.NodeList;

/**
 * The registries' evidence checkpoints the ITL keeps (docs/evidence.md): each registry's, one per record of its
 * archive at most, never replaced. A checkpoint is taken only when it names the node that signed its message, its
 * signature verifies with that signer's certificate, its sequence is beyond the last one held of the registry, and it
 * contradicts none held (another hash for a record held). The same checkpoint sent again is taken again, changing
 * nothing.
 */
public final class HeldCheckpoints {

    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String COLUMNS = "sequence, record_sha256, signed_at, signer_certificate, signature_algorithm,"
            + " signature";

    private HeldCheckpoints() {
    }

    /** Why a checkpoint is not taken: the code and a sentence. */
    public record Refusal(ResponseCode code, String reason) {
    }

    /** The checkpoint an acceptEvidenceCheckpoint carries, with the certificate that signed the message. */
    public static EvidenceCheckpoint carriedBy(InboundMessage message) {
        DesEvidenceCheckpoint wire = message.content(Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT);
        return new EvidenceCheckpoint(wire.getSequenceNumber(), wire.getRecordHash(), wire.getNode(),
                wire.getSignedDateTime(), signerOf(message.rawXml()), wire.getSignatureAlgorithm(),
                wire.getSignature() == null ? new byte[0] : wire.getSignature());
    }

    /** Why the checkpoint {@code signer} sent is not taken; empty when it is (or is held as it is already). */
    public static Optional<Refusal> refusal(Connection connection, String signer, EvidenceCheckpoint checkpoint)
            throws SQLException {
        if (!checkpoint.node().equals(signer)) {
            return refused(ResponseCode.EVIDENCE_CHECKPOINT_OF_OTHER_NODE, "the checkpoint of record "
                    + checkpoint.sequence() + " names " + checkpoint.node() + ", but the message is signed by " + signer);
        }
        if (!SignerIdentity.nodeCodeOf(checkpoint.signer()).equals(signer) || !checkpoint.signatureVerifies()) {
            return refused(ResponseCode.EVIDENCE_CHECKPOINT_SIGNATURE_INVALID, "the signature ("
                    + checkpoint.signatureAlgorithm() + ") of " + signer + "'s checkpoint of record "
                    + checkpoint.sequence() + " does not verify with the certificate that signed the message");
        }
        Optional<EvidenceCheckpoint> same = find(connection, signer, checkpoint.sequence());
        if (same.isPresent() && !same.get().recordSha256().equals(checkpoint.recordSha256())) {
            return refused(ResponseCode.EVIDENCE_CHECKPOINT_CONTRADICTS_HELD, signer + "'s checkpoint gives record "
                    + checkpoint.sequence() + " the hash " + checkpoint.recordSha256() + ", but the ITL holds its"
                    + " checkpoint signed at " + same.get().signedAt() + " giving " + same.get().recordSha256());
        }
        if (same.isPresent() && sameAs(same.get(), checkpoint)) {
            return Optional.empty();
        }
        Optional<EvidenceCheckpoint> last = latest(connection, signer);
        if (last.isPresent() && last.get().sequence() >= checkpoint.sequence()) {
            return refused(ResponseCode.EVIDENCE_CHECKPOINT_NOT_AFTER_LAST, signer + "'s checkpoint signs record "
                    + checkpoint.sequence() + ", but the ITL holds its checkpoint of record " + last.get().sequence()
                    + " already: a checkpoint signs a later record than the last");
        }
        return Optional.empty();
    }

    /**
     * Keeps the checkpoint {@code signer} sent unless refused (checked again, in the transaction that keeps it);
     * answers what was done, for the inbox's record.
     */
    public static String keep(Connection connection, String signer, EvidenceCheckpoint checkpoint, Instant receivedAt)
            throws SQLException {
        // one registry's checkpoints are kept one at a time, so two checked at once cannot both pass as the latest
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "evidence_checkpoint_held/" + signer);
            lock.execute();
        }
        Optional<Refusal> refusal = refusal(connection, signer, checkpoint);
        if (refusal.isPresent()) {
            return "checkpoint not kept (" + refusal.get().code().code() + "): " + refusal.get().reason();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into evidence_checkpoint_held (registry,"
                + " sequence, record_sha256, signed_at, signer_certificate, signature_algorithm, signature, received_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (registry, sequence) do nothing")) {
            insert.setString(1, signer);
            insert.setLong(2, checkpoint.sequence());
            insert.setString(3, checkpoint.recordSha256());
            insert.setTimestamp(4, Timestamp.from(checkpoint.signedAt()));
            insert.setBytes(5, der(checkpoint.signer()));
            insert.setString(6, checkpoint.signatureAlgorithm());
            insert.setBytes(7, checkpoint.signature());
            insert.setTimestamp(8, Timestamp.from(receivedAt));
            return insert.executeUpdate() == 1
                    ? "checkpoint of record " + checkpoint.sequence() + " of " + signer + " kept"
                    : "checkpoint of record " + checkpoint.sequence() + " of " + signer + " held already";
        }
    }

    /** Every checkpoint held of {@code registry}, in sequence order. */
    public static List<EvidenceCheckpoint> of(Connection connection, String registry) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from evidence_checkpoint_held where registry = ? order by sequence")) {
            select.setString(1, registry);
            return read(select, registry);
        }
    }

    private static Optional<EvidenceCheckpoint> find(Connection connection, String registry, long sequence)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from evidence_checkpoint_held where registry = ? and sequence = ?")) {
            select.setString(1, registry);
            select.setLong(2, sequence);
            return read(select, registry).stream().findFirst();
        }
    }

    private static Optional<EvidenceCheckpoint> latest(Connection connection, String registry) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from evidence_checkpoint_held where registry = ? order by sequence desc limit 1")) {
            select.setString(1, registry);
            return read(select, registry).stream().findFirst();
        }
    }

    private static List<EvidenceCheckpoint> read(PreparedStatement select, String registry) throws SQLException {
        List<EvidenceCheckpoint> held = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                held.add(new EvidenceCheckpoint(rows.getLong(1), rows.getString(2), registry,
                        rows.getTimestamp(3).toInstant(), certificate(rows.getBytes(4)), rows.getString(5),
                        rows.getBytes(6)));
            }
        }
        return held;
    }

    private static boolean sameAs(EvidenceCheckpoint held, EvidenceCheckpoint sent) {
        return held.signedAt().equals(sent.signedAt()) && held.signatureAlgorithm().equals(sent.signatureAlgorithm())
                && Arrays.equals(held.signature(), sent.signature());
    }

    private static Optional<Refusal> refused(ResponseCode code, String reason) {
        return Optional.of(new Refusal(code, reason));
    }

    /** The certificate of the message's BinarySecurityToken: the one its signature was verified with on arrival. */
    static X509Certificate signerOf(byte[] rawXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList tokens = factory.newDocumentBuilder().parse(new ByteArrayInputStream(rawXml))
                    .getElementsByTagNameNS(WSSE, "BinarySecurityToken");
            if (tokens.getLength() != 1) {
                throw new IllegalArgumentException("the message carries " + tokens.getLength()
                        + " security tokens, not its signer's one");
            }
            return certificate(Base64.getMimeDecoder().decode(tokens.item(0).getTextContent().trim()));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("the message's signer certificate cannot be read: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a certificate that cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException("a certificate that cannot be encoded: " + e.getMessage(), e);
        }
    }
}
