package org.itlgateway.gateway.operator;

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
final class CdmRoutes {

    private final OperatedRegistry registry;

    CdmRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.get("/attestations/{id}", this::attestation)
                .get("/attestations/{id}/verify", request -> verify(request.pathValue(0)))
                .get("/reports/issuance", request -> issuanceReport())
                .get("/reports/voluntary-cancellations", request -> cancellationReport());
    }

    /** An attestation, its canonical form and fingerprint, and the certificate as text. */
    record AttestationView(String transaction, Instant cancelledAt, String cancelledFrom, String cancellationAccount,
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
    record VerificationView(String transaction, String fingerprint, boolean valid, List<String> problems) {
    }

    /** The issuance report: one line per project. */
    record IssuanceReport(List<IssuanceReportLine> projects) {
    }

    /** The voluntary cancellations, in the order they completed. */
    record CancellationReport(List<AttestationView> cancellations) {
    }

    private ApiReply attestation(ApiRequest request) {
        Attestation attestation = attestationOf(request.pathValue(0));
        return request.wantsText() ? ApiReply.plainText(attestation.render())
                : ApiReply.ok(AttestationView.of(attestation));
    }

    private ApiReply verify(String id) {
        CdmRegistry cdm = cdm();
        return ApiReply.ok(registry.read(() -> {
            Attestation attestation = attestationOf(id);
            AttestationVerification verification = cdm.verify(attestation);
            return new VerificationView(attestation.transaction().toString(), attestation.fingerprint(),
                    verification.valid(), verification.problems());
        }));
    }

    private ApiReply issuanceReport() {
        CdmRegistry cdm = cdm();
        return ApiReply.ok(new IssuanceReport(registry.read(() -> cdm.reports().issuanceByProject())));
    }

    private ApiReply cancellationReport() {
        CdmRegistry cdm = cdm();
        return ApiReply.ok(new CancellationReport(registry.read(() -> cdm.reports().voluntaryCancellations())
                .stream().map(AttestationView::summary).toList()));
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
