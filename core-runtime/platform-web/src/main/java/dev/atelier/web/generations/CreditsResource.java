package dev.atelier.web.generations;

import dev.atelier.core.credits.LedgerEntry;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/credits}: the signed-in user's balance and ledger (grants, holds, captures, releases). */
@Path("/api/v1/credits")
@Produces(MediaType.APPLICATION_JSON)
public final class CreditsResource {

    public record EntryView(String id, String kind, long amount, String reason, String generationId,
            Instant createdAt, Instant expiresAt) {}

    public record Credits(long balance, List<EntryView> entries) {}

    private final GenerationModule generation;

    @Inject
    public CreditsResource(GenerationModule generation) {
        this.generation = generation;
    }

    @GET
    public Credits credits(@Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        String accountId = viewer.account().id();
        List<EntryView> entries = generation.ledger().entries(tenant.id(), accountId).stream()
                .map(CreditsResource::view).toList();
        return new Credits(generation.ledger().balance(tenant.id(), accountId), entries);
    }

    private static EntryView view(LedgerEntry e) {
        return new EntryView(e.id(), e.kind().name(), e.amount(), e.reason(), e.jobId(), e.createdAt(), e.expiresAt());
    }
}
