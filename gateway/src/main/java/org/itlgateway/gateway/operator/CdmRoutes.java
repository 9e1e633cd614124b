package org.itlgateway.gateway.operator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.itlgateway.gateway.http.Answers;
import jakarta.ws.rs.HeaderParam;
import java.util.Locale;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.cdm.Attestation;
import org.itlgateway.core.cdm.AttestationVerification;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.cdm.IssuanceReportLine;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * What only the CDM registry publishes: the attestation of a voluntary cancellation ({@code GET
 * /attestations/{transaction}}, as JSON with its rendered text, or the text alone for {@code Accept: text/plain}),
 * its verification against the holdings and transactions ({@code GET /attestations/{transaction}/verify}), and
 * the public reports ({@code GET /reports/issuance}, {@code GET /reports/voluntary-cancellations}). Another
 * registry answers these 404.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class CdmRoutes {

    private final OperatedRegistry registry;

    CdmRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    /** An attestation, its canonical form and fingerprint, and the certificate as text. */
    public record AttestationView(String transaction, Instant cancelledAt, String cancelledFrom, String cancellationAccount,
                           long quantity, String purpose, String beneficiary, List<BlockView> blocks,
                           String fingerprint, String canonicalForm, String text, String href) {

        static AttestationView of(Attestation a) {
            return new AttestationView(a.transaction().toString(), a.cancelledAt(), a.cancelledFrom().toString(),
                    a.cancellationAccount().toString(), a.quantity(), a.purpose(), a.beneficiary(),
                    a.blocks().stream().map(BlockView::of).toList(), a.fingerprint(), a.canonicalForm(), a.render(), null);
        }

        /** The attestation as a line of the report: no blocks, no texts, where to read it in full. */
        static AttestationView summary(Attestation a) {
            return new AttestationView(a.transaction().toString(), a.cancelledAt(), a.cancelledFrom().toString(),
                    a.cancellationAccount().toString(), a.quantity(), a.purpose(), a.beneficiary(), null,
                    a.fingerprint(), null, null, "/attestations/" + a.transaction());
        }
    }

    /** Whether an attestation still tells the truth, and if not, why. */
    public record VerificationView(String transaction, String fingerprint, boolean valid, List<String> problems) {
    }

    /** The issuance report: one line per project. */
    public record IssuanceReport(List<IssuanceReportLine> projects) {
    }

    /** The voluntary cancellations, in the order they completed. */
    public record CancellationReport(List<AttestationView> cancellations) {
    }

    /** The attestation as JSON, or its text alone for {@code Accept: text/plain}. */
    @GET
    @Path("attestations/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Answers(body = AttestationView.class)
    public Response attestation(@PathParam("id") String id, @HeaderParam("Accept") String accept) {
        Attestation attestation = attestationOf(id);
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/plain")
                ? Response.ok(attestation.render(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build()
                : Response.ok(AttestationView.of(attestation), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("attestations/{id}/verify")
    public VerificationView verify(@PathParam("id") String id) {
        CdmRegistry cdm = cdm();
        return registry.read(() -> {
            Attestation attestation = attestationOf(id);
            AttestationVerification verification = cdm.verify(attestation);
            return new VerificationView(attestation.transaction().toString(), attestation.fingerprint(),
                    verification.valid(), verification.problems());
        });
    }

    @GET
    @Path("reports/issuance")
    public IssuanceReport issuanceReport() {
        CdmRegistry cdm = cdm();
        return new IssuanceReport(registry.read(() -> cdm.reports().issuanceByProject()));
    }

    @GET
    @Path("reports/voluntary-cancellations")
    public CancellationReport cancellationReport() {
        CdmRegistry cdm = cdm();
        return new CancellationReport(registry.read(() -> cdm.reports().voluntaryCancellations())
                .stream().map(AttestationView::summary).toList());
    }

    /**
     * The attestation of a completed voluntary cancellation; 409 while the cancellation is under way or when it
     * ended without completing, 404 when there is no such cancellation (or no attestation is kept for it).
     */
    private Attestation attestationOf(String text) {
        CdmRegistry cdm = cdm();
        TransactionId id = TransactionRoutes.transactionId(text);
        return registry.read(() -> cdm.attestationOf(id).orElseThrow(() -> {
            Transaction transaction = registry.records().transactions().find(id)
                    .filter(t -> t.proposal().kind().orElse(null) == SupplementaryType.VOLUNTARY_CANCELLATION)
                    .orElseThrow(() -> ApiProblem.notFound("there is no voluntary cancellation " + id));
            if (transaction.status() == TransactionStatus.COMPLETED) {
                return ApiProblem.notFound("no attestation is kept for voluntary cancellation " + id);
            }
            return ApiProblem.conflict(transaction.isFinal()
                    ? "voluntary cancellation " + id + " ended " + transaction.status() + ": nothing was cancelled"
                    : "voluntary cancellation " + id + " is " + transaction.status()
                            + "; its attestation is made when it completes");
        }));
    }

    private CdmRegistry cdm() {
        return registry.cdmFor("attestations and public reports");
    }
}
