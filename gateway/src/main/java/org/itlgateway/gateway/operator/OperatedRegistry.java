package org.itlgateway.gateway.operator;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.helpdesk.HelpDesk;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.delivery.SqlWork;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.node.DatabaseTransactor;
import org.itlgateway.gateway.node.RegistryNode;

/**
 * The registry the operator API works on: its node (which sends what is proposed), its records, its transaction
 * lifecycle and, when it is the CDM registry, the CDM registry's business.
 */
final class OperatedRegistry {

    private final RegistryNode node;
    private final RegistryRecords records;
    private final TransactionLifecycle lifecycle;
    private final CdmRegistry cdm;
    private final Clock clock;
    private final DatabaseTransactor transactor;
    private final HelpDesk helpDesk;
    private volatile EvidenceCheckpoints checkpoints;

    OperatedRegistry(RegistryNode node, RegistryRecords records, TransactionLifecycle lifecycle, CdmRegistry cdm,
                     Clock clock) {
        this.node = node;
        this.records = records;
        this.lifecycle = lifecycle;
        this.cdm = cdm;
        this.clock = clock;
        this.transactor = new DatabaseTransactor(records.database());
        this.helpDesk = cdm == null ? null : HelpDesk.standard(cdm.projects());
    }

    RegistryNode node() {
        return node;
    }

    RegistryCode code() {
        return node.code();
    }

    RegistryRecords records() {
        return records;
    }

    TransactionLifecycle lifecycle() {
        return lifecycle;
    }

    Clock clock() {
        return clock;
    }

    /** The CDM registry's business, when this is the CDM registry. */
    Optional<CdmRegistry> cdm() {
        return Optional.ofNullable(cdm);
    }

    /** The CDM registry's business; a request for {@code what} of another registry is answered 404. */
    CdmRegistry cdmFor(String what) {
        return cdm().orElseThrow(() -> ApiProblem.notFound("only the CDM registry answers " + what + "; this is "
                + code()));
    }

    /** The CDM Help Desk beside the CDM registry; another registry answers its routes 404. */
    HelpDesk helpDesk() {
        if (helpDesk == null) {
            throw ApiProblem.notFound("only the CDM registry's gateway has the CDM Help Desk; this is " + code());
        }
        return helpDesk;
    }

    /** Signs the evidence archive's checkpoints on demand with these (null: this node signs none). */
    void signingCheckpoints(EvidenceCheckpoints signer) {
        this.checkpoints = signer;
    }

    /** How this node signs its archive's checkpoints; a demand for one is answered 409 when it signs none. */
    EvidenceCheckpoints checkpoints() {
        EvidenceCheckpoints signer = checkpoints;
        if (signer == null) {
            throw ApiProblem.conflict(code() + " signs no checkpoints of its evidence archive: it was started without "
                    + "its signing credential for them");
        }
        return signer;
    }

    /** Runs {@code work} in one unit of work on the registry's database. */
    <T> T read(Supplier<T> work) {
        return records.database().call(work);
    }

    /** Runs SQL on the connection of one unit of work on the registry's database. */
    <T> T sql(SqlWork<T> work) {
        return transactor.inTransaction(work);
    }
}
