package dev.atelier.web.site.creation;

import dev.atelier.web.headers.MediaOrigins;

import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.JobPage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.InvalidGenerationException;
import dev.atelier.generation.SubmitRequest;
import dev.atelier.generation.Upload;
import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.legal.RequiresAcceptance;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.http.Origins;
import dev.atelier.web.pages.PageRenderer;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The create, gallery and item pages for signed-in users. The whole flow works with plain forms and page reloads;
 * the item page's script follows the job's Server-Sent Events when the browser runs it.
 */
@Path("/")
@Produces("text/html; charset=utf-8")
public final class GenerationPagesResource {

    private static final int MAX_FIELD_BYTES = 16 * 1024;

    private final GenerationModule generation;
    private final PageRenderer pages;
    private final GenerationPages models;
    // Checks the forms' CSRF tokens and renders the account pages' answers (form expired, unreadable form).
    private final AccountFlows flows;

    @Inject
    public GenerationPagesResource(GenerationModule generation, PageRenderer pages, AccountFlows flows) {
        this.generation = generation;
        this.pages = pages;
        this.models = new GenerationPages(generation);
        this.flows = flows;
    }

    @GET
    @Path("create")
    @RequiresAcceptance
    public Response create(@QueryParam("model") String model, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> createPage(request, viewer, model, Map.of(), Map.of(), null, 200));
    }

    @POST
    @Path("create")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // JSON for the page's script, which shows the queued jobs beside the form; HTML (a redirect or the form) otherwise.
    @Produces({"text/html; charset=utf-8", MediaType.APPLICATION_JSON})
    @RequiresAcceptance
    public Response submit(@Context HttpServletRequest request) throws IOException {
        // Who posts, and from where, is known before the body is read: a visitor's or another site's upload of up
        // to the upload limit is refused unread.
        if (RequestAuth.viewer(request).filter(viewer -> !viewer.viaApiToken()).isEmpty()) {
            return AuthPages.toSignIn(request);
        }
        if (!Origins.sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            return flows.pages().formExpired(request);
        }
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (ServletException | IllegalStateException | IOException e) {
            return flows.pages().unreadableForm(request);
        }
        Map<String, String> form = new LinkedHashMap<>();
        Part file = null;
        for (Part part : parts) {
            if (part.getName().equals("input")) {
                file = part.getSize() > 0 ? part : null;
            } else {
                form.put(part.getName(), text(part));
            }
        }
        if (!flows.csrf().valid(request, form.get(CsrfTokens.FIELD))) {
            return flows.pages().formExpired(request);
        }
        form.remove(CsrfTokens.FIELD);
        Part input = file;
        return AuthPages.signedIn(request, viewer -> submit(request, viewer, form, input));
    }

    private Response submit(HttpServletRequest request, Viewer viewer, Map<String, String> form, Part input) {
        Tenant tenant = AuthPages.tenant(request);
        String model = form.getOrDefault("model", "");
        try {
            List<String> inputs = new ArrayList<>();
            if (input != null) {
                generation.uploads().admit(tenant, viewer.account().id());
                Upload upload;
                try (InputStream in = input.getInputStream()) {
                    upload = generation.uploads().create(tenant, viewer.account().id(), in);
                }
                inputs.add(upload.id());
            }
            List<Job> jobs = generation.submissions().submitAll(tenant, viewer.account().id(), new SubmitRequest(model,
                    form.get("prompt"), form.get("negative_prompt"), CreateForm.parameters(tenant, generation, form,
                    model), inputs), CreateForm.variations(form), null);
            if (CreateForm.wantsJson(request)) {
                // The page's script shows the results beside the form as they finish, without leaving it.
                return Response.status(202).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("jobs", jobs.stream().map(CreateForm::queued).toList())).build();
            }
            return AuthPages.redirect(jobs.size() == 1 ? "/gallery/" + jobs.get(0).id() : "/gallery");
        } catch (InvalidGenerationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (InvalidGenerationException.FieldError f : e.errors()) {
                String field = f.field().startsWith("parameters.") ? "p." + f.field().substring(11)
                        : f.field().equals("inputs") || f.field().equals("file") ? "input" : f.field();
                errors.putIfAbsent(field, f.message());
            }
            // Not enough credits has its own banner, with the price, the balance and a way to get more.
            if (errors.isEmpty() && e.status() != 402) {
                errors.put("form", e.getMessage());
            }
            Map<String, Object> insufficient = e.status() == 402 ? Map.of("balance", e.balance(), "price", e.price())
                    : null;
            Response page = createPage(request, viewer, model, refill(form, model), errors, insufficient,
                    e.status() == 402 || e.retryAfterSeconds() != null ? e.status() : 422);
            if (e.retryAfterSeconds() != null) {
                // Too fast (429) or briefly unavailable (503): the form says so, the header says when to retry.
                page.getHeaders().putSingle("Retry-After", e.retryAfterSeconds().toString());
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException("Reading the uploaded file failed", e);
        }
    }

    // The page shows the chosen model's settings under their plain names ("p.<name>").
    private static Map<String, String> refill(Map<String, String> form, String model) {
        Map<String, String> values = new LinkedHashMap<>();
        String prefix = "p." + model + ".";
        form.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                values.put("p." + name.substring(prefix.length()), value);
            } else if (!name.startsWith("p.")) {
                values.put(name, value);
            }
        });
        return values;
    }

    @GET
    @Path("gallery")
    public Response gallery(@QueryParam("cursor") String cursor, @QueryParam("status") String status,
            @QueryParam("model") String model, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            JobPage page;
            try {
                page = generation.jobs().list(tenant.id(), viewer.account().id(), 48, blankToNull(cursor));
            } catch (IllegalArgumentException e) {
                return flows.pages().error(request, 400, "This gallery page does not exist",
                        "The link is damaged. Open the gallery again from the menu.");
            }
            List<Job> shown = page.items().stream()
                    .filter(j -> blankToNull(status) == null || j.status().name().equalsIgnoreCase(status))
                    .filter(j -> blankToNull(model) == null || j.modelId().equals(model)).toList();
            Map<String, Object> data = pages.model(request, tenant, "/gallery", "Gallery");
            Map<String, Object> gallery = models.gallery(tenant, shown, page.nextCursor(), status, model);
            data.put("gallery", gallery);
            return MediaOrigins.allow(pages.renderPrivate(tenant, "gallery.ftlh", data, 200), gallery);
        });
    }

    @GET
    @Path("gallery/{id}")
    public Response item(@PathParam("id") String id, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> owned(request, viewer, id).map(job -> {
            Tenant tenant = AuthPages.tenant(request);
            Map<String, Object> data = pages.model(request, tenant, "/gallery/" + id, "Creation");
            Map<String, Object> item = models.item(tenant, job, true);
            data.put("item", item);
            return MediaOrigins.allow(pages.renderPrivate(tenant, "gallery-item.ftlh", data, 200), item);
        }).orElseGet(() -> notFound(request)));
    }

    @POST
    @Path("gallery/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return flows.signedInPost(request, token, viewer -> generation.jobs().cancel(AuthPages.tenant(request).id(),
                viewer.account().id(), id).map(job -> AuthPages.redirect("/gallery/" + id))
                .orElseGet(() -> notFound(request)));
    }

    @POST
    @Path("gallery/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return flows.signedInPost(request, token, viewer -> owned(request, viewer, id).map(job -> {
            if (!job.status().isFinal()) {
                generation.jobs().cancel(AuthPages.tenant(request).id(), viewer.account().id(), id);
                return AuthPages.redirect("/gallery/" + id);
            }
            generation.delete(AuthPages.tenant(request), viewer.account().id(), id);
            return AuthPages.redirect("/gallery");
        }).orElseGet(() -> notFound(request)));
    }

    private Response createPage(HttpServletRequest request, Viewer viewer, String model, Map<String, String> form,
            Map<String, String> errors, Map<String, Object> insufficient, int status) {
        Tenant tenant = AuthPages.tenant(request);
        Map<String, Object> data = pages.model(request, tenant, "/create", "Create");
        data.put("create", models.create(tenant, viewer.account().id(), model, form, errors, insufficient));
        // Results appear on this page as they finish: it may show media from wherever this tenant's storage serves
        // them (a storage plugin may hand out its own links, S3's presigned ones), as the gallery's pages may. A link
        // to a key that need not exist tells where; local storage's are the platform's own and widen nothing.
        String sample = generation.links().url(tenant, tenant.id() + "/outputs/where-media-is-served.png");
        return MediaOrigins.allow(pages.renderPrivate(tenant, "create.ftlh", data, status), Map.of("url", sample));
    }

    private Optional<Job> owned(HttpServletRequest request, Viewer viewer, String id) {
        return generation.jobs().find(AuthPages.tenant(request).id(), viewer.account().id(), id);
    }

    private Response notFound(HttpServletRequest request) {
        return pages.error(request, AuthPages.tenant(request), 404, "Not found",
                "There is no creation of yours at this address.");
    }

    private static String text(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
