package org.itlgateway.gateway.operator;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.http.Answers;

/**
 * The evidence archive's checkpoints on demand: {@code POST /evidence/checkpoints} signs the archive's head now,
 * when it moved since the last checkpoint (a transaction's trail is at {@code GET /transactions/{id}/evidence}).
 */
@Path("evidence")
@Produces(MediaType.APPLICATION_JSON)
public final class EvidenceRoutes {

    private final OperatedRegistry registry;

    EvidenceRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Path("checkpoints")
    @Answers(status = {201, 200}, body = CheckpointView.class,
            summary = "signs the evidence archive's head with the node's key (201); 200 with the last checkpoint when the "
                    + "head did not move since; 409 when the archive is empty or the node signs no checkpoints")
    public Response checkpoint() {
        EvidenceCheckpoints.Taken taken = registry.checkpoints().take();
        CheckpointView view = taken.checkpoint().map(CheckpointView::of).orElseThrow(() -> ApiProblem.conflict(
                "the evidence archive of " + registry.code() + " is empty: there is no head to sign"));
        return (taken.isNew() ? Response.status(Response.Status.CREATED) : Response.ok()).entity(view).build();
    }
}
