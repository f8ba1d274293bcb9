package dev.atelier.web.operator;

import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.deployments.DeploymentRecord;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/operator/deployments}: the history of bundle installs, updates, removals and failures, newest
 * first. Kept in the database, so it survives restarts.
 */
@Path("/api/v1/operator/deployments")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class OperatorDeploymentsResource {

    private final DeploymentHistory history;

    @Inject
    public OperatorDeploymentsResource(DeploymentHistory history) {
        this.history = history;
    }

    @GET
    public Page<DeploymentRecord> list(@QueryParam("limit") Integer limit) {
        int size = limit == null ? Pagination.DEFAULT_LIMIT : Math.max(1, Math.min(limit, Pagination.MAX_LIMIT));
        List<DeploymentRecord> records = history.recent(size);
        return new Page<>(records, null);
    }
}
