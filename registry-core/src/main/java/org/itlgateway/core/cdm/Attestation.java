package org.itlgateway.core.cdm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;

/**
 * The attestation of a voluntary cancellation: which units were cancelled (serial ranges with their type,
 * project and periods), how many, why, for whom, when, and by which transaction, with a SHA-256 fingerprint of
 * its canonical form.
 *
 * <p>The canonical form is UTF-8 text, one {@code name:value} line each, ending in a line feed, in this order:
 * {@code attestation-of-voluntary-cancellation:1}, {@code transaction}, {@code cancelled-at} (ISO-8601 UTC, whole
 * seconds), {@code cancelled-from}, {@code cancellation-account}, {@code quantity}, {@code purpose},
 * {@code beneficiary}, then one {@code block} line per unit block in serial order. In free text a backslash is
 * written {@code \\}, a line feed {@code \n} and a carriage return {@code \r}. The fingerprint is the lower-case
 * hexadecimal SHA-256 of that text; anyone holding the attestation can recompute it.
 *
 * @param transaction         the cancellation transaction (4-0)
 * @param cancelledAt         when it completed (whole seconds)
 * @param cancelledFrom       the account the units left (pending or holding)
 * @param cancellationAccount the voluntary cancellation account they are in for good
 * @param blocks              the units, in serial order
 * @param purpose             why they were cancelled
 * @param beneficiary         on whose behalf
 * @param fingerprint         the SHA-256 of the canonical form when the attestation was made
 */
public record Attestation(TransactionId transaction, Instant cancelledAt, AccountRef cancelledFrom,
                          AccountRef cancellationAccount, List<UnitBlock> blocks, String purpose, String beneficiary,
                          String fingerprint) {

    private static final String VERSION_LINE = "attestation-of-voluntary-cancellation:1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC).withLocale(Locale.ENGLISH);

    public Attestation {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(cancelledAt, "time of cancellation");
        Objects.requireNonNull(cancelledFrom, "account cancelled from");
        Objects.requireNonNull(cancellationAccount, "cancellation account");
        Objects.requireNonNull(fingerprint, "fingerprint");
        blocks = blocks.stream().sorted().toList();
        purpose = purpose == null ? "" : purpose;
        beneficiary = beneficiary == null ? "" : beneficiary;
    }

    /** Makes the attestation of a completed cancellation, with its fingerprint. */
    public static Attestation of(TransactionId transaction, Instant cancelledAt, AccountRef cancelledFrom,
                                 AccountRef cancellationAccount, List<UnitBlock> blocks, String purpose,
                                 String beneficiary) {
        Attestation draft = new Attestation(transaction, cancelledAt.truncatedTo(ChronoUnit.SECONDS), cancelledFrom,
                cancellationAccount, blocks, purpose, beneficiary, "");
        return draft.withFingerprint(draft.computedFingerprint());
    }

    public long quantity() {
        return UnitBlock.quantityOf(blocks);
    }

    /** The text the fingerprint is taken of. */
    public String canonicalForm() {
        StringBuilder text = new StringBuilder();
        line(text, VERSION_LINE);
        line(text, "transaction:" + transaction);
        line(text, "cancelled-at:" + cancelledAt);
        line(text, "cancelled-from:" + cancelledFrom);
        line(text, "cancellation-account:" + cancellationAccount);
        line(text, "quantity:" + quantity());
        line(text, "purpose:" + escaped(purpose));
        line(text, "beneficiary:" + escaped(beneficiary));
        for (UnitBlock block : blocks) {
            UnitAttributes a = block.attributes();
            line(text, "block:" + block.id()
                    + " unit-type=" + a.unitType().code()
                    + " supp-unit-type=" + a.suppUnitType()
                    + " original-period=" + a.originalPeriod().code()
                    + " applicable-period=" + a.applicablePeriod().code()
                    + " lulucf=" + (a.lulucfActivity() == null ? "" : a.lulucfActivity().code())
                    + " project=" + (a.projectId() == null ? "" : a.projectId())
                    + " track=" + (a.track() == null ? "" : a.track().code())
                    + " expiry=" + (a.expiryDate() == null ? "" : a.expiryDate()));
        }
        return text.toString();
    }

    /** The SHA-256 of the canonical form as it reads now. */
    public String computedFingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** True when the fingerprint is that of the attestation's content. */
    public boolean fingerprintMatches() {
        return fingerprint.equals(computedFingerprint());
    }

    /** The certificate, as plain text for people. */
    public String render() {
        StringBuilder text = new StringBuilder();
        line(text, "ATTESTATION OF VOLUNTARY CANCELLATION");
        line(text, "CDM Registry");
        line(text, "");
        line(text, String.format("Transaction:      %s", transaction));
        line(text, String.format("Cancelled on:     %s", DAY.format(cancelledAt)));
        line(text, String.format("Cancelled from:   %s", cancelledFrom));
        line(text, String.format("Into account:     %s (%s)", cancellationAccount, cancellationAccount.type().label()));
        line(text, String.format("Quantity:         %,d %s", quantity(), quantity() == 1 ? "unit" : "units"));
        line(text, String.format("Purpose:          %s", purpose.isBlank() ? "(none given)" : oneLine(purpose)));
        line(text, String.format("Beneficiary:      %s", beneficiary.isBlank() ? "(none given)" : oneLine(beneficiary)));
        line(text, "");
        line(text, "Units cancelled:");
        line(text, String.format("  %-37s %-5s %-9s %-6s %-10s %s", "Serial numbers", "Type", "Project", "Period",
                "Expires", "Quantity"));
        for (UnitBlock block : blocks) {
            UnitAttributes a = block.attributes();
            line(text, String.format("  %-37s %-5s %-9s %-6s %-10s %,d",
                    block.start() + " - " + block.end(),
                    a.unitType().label(),
                    a.projectId() == null ? "-" : a.projectId().toString(),
                    "CP" + a.originalPeriod().code(),
                    a.expiryDate() == null ? "-" : a.expiryDate().toString(),
                    block.quantity()));
        }
        line(text, "");
        line(text, "Fingerprint (SHA-256 of the canonical form):");
        line(text, "  " + fingerprint);
        line(text, "These units are held for good in the voluntary cancellation account; the registry can verify");
        line(text, "this attestation against its holdings and transaction " + transaction + ".");
        return text.toString();
    }

    private Attestation withFingerprint(String value) {
        return new Attestation(transaction, cancelledAt, cancelledFrom, cancellationAccount, blocks, purpose,
                beneficiary, value);
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append('\n');
    }

    private static String escaped(String free) {
        return free.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String oneLine(String free) {
        return free.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
