package dev.atelier.web.api.generations;

import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerPage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.web.Pagination;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/credits}: the signed-in user's balance and one page of their ledger (grants, holds, captures,
 * releases), newest first: {@code ?limit=} (default 20, at most 100) and the {@code cursor} of the previous page's
 * {@code next_cursor}; a cursor this API did not hand out is a 400.
 */
@Path("/api/v1/credits")
@Produces(MediaType.APPLICATION_JSON)
public final class CreditsResource {

    public record EntryView(String id, String kind, long amount, String reason, String generationId,
            Instant createdAt, Instant expiresAt) {}

    public record Credits(long balance, List<EntryView> entries, String nextCursor) {}

    private final GenerationModule generation;

    @Inject
    public CreditsResource(GenerationModule generation) {
        this.generation = generation;
    }

    @GET
    public Credits credits(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        String accountId = viewer.account().id();
        LedgerPage page;
        try {
            page = generation.ledger().entries(tenant.id(), accountId, Pagination.limit(limit), cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(new Problem("about:blank", "Bad Request", 400,
                    "The cursor is not one this API handed out; start again without it.",
                    List.of(new Problem.FieldError("cursor", "is not a cursor this API handed out"))));
        }
        return new Credits(generation.ledger().balance(tenant.id(), accountId),
                page.items().stream().map(CreditsResource::view).toList(), page.nextCursor());
    }

    private static EntryView view(LedgerEntry e) {
        return new EntryView(e.id(), e.kind().name(), e.amount(), e.reason(), e.jobId(), e.createdAt(), e.expiresAt());
    }
}
