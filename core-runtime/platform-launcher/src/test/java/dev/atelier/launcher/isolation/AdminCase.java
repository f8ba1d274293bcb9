package dev.atelier.launcher.isolation;

import dev.atelier.core.tenants.TenantSettings.ModelOffer;
import java.util.Map;
import java.util.Set;

/**
 * The owner tenant's admin area, after its admin changed the tagline and its operator set up a Replicate model with
 * settings of the tenant's own: the other tenant's admin sees only their own tenant's users, settings and plugin
 * settings there, and a user of the owner's tenant who is not an admin is refused. The admin area's existence is public
 * (every site has one at {@code /admin}), so that refusal may be the "admins only" page. What the area holds that
 * nobody else may see is the tenant's users and its plugin settings (the tagline itself is public on the tenant's
 * site); the forms the intruders post leave the tenant's settings unchanged.
 */
final class AdminCase {

    private AdminCase() {}

    private static final String TAGLINE = "Isolated tagline only its own admins may edit";
    /** The owner tenant's settings of the Replicate model, which only its admins see (the token not even they). */
    private static final String VENDOR_MODEL = "isolated-owner/sketchbook";
    private static final Map<String, String> PLUGIN_SETTINGS = Map.of("api_token", "r8_isolated_owner_token",
            "model", VENDOR_MODEL, "extra_input", "{\"isolated_style\": \"owner only\"}");

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party admin = cast.ownerAdmin();
        cast.platform().offerModel(admin.host(), new ModelOffer("replicate-image", 4, PLUGIN_SETTINGS));
        if (!admin.get("/admin/plugins").body().contains(VENDOR_MODEL)) {
            throw new AssertionError("the owner's admin does not see the tenant's plugin settings");
        }
        admin.get("/admin/branding");
        Party.expect(admin.multipart("/admin/branding", Map.of("tagline", TAGLINE), null, null), 303,
                "saving the branding");
        Party[] intruders = {cast.strangerAdmin(), cast.neighbour()};
        Set<String> hidden = Set.of(cast.owner().email(), "r8_isolated_owner_token", VENDOR_MODEL,
                "isolated_style");
        return Thing.of(hidden, () -> admin.get("/admin/branding").body().contains(TAGLINE) + " "
                + admin.get("/admin/models").statusCode() + " "
                + admin.get("/admin/plugins").body().contains(VENDOR_MODEL) + " "
                + admin.get("/admin/legal").body().split("href=\"/legal/terms/v/", -1).length + " "
                + admin.get("/legal/terms.txt").body().contains("Intruder terms"))
                .probe(Probe.get("/admin").ownOnly(), intruders)
                .probe(Probe.get("/admin/users").ownOnly(), intruders)
                .probe(Probe.get("/admin/audit").ownOnly(), intruders)
                .probe(Probe.get("/admin/audit?format=csv").ownOnly(), intruders)
                .probe(Probe.get("/admin/branding").ownOnly(), intruders)
                .probe(Probe.get("/admin/models").ownOnly(), intruders)
                .probe(Probe.get("/admin/plugins").ownOnly(), intruders)
                .probe(Probe.get("/admin/legal").ownOnly(), intruders)
                .probe(Probe.get("/admin/legal?edit=terms").ownOnly(), intruders)
                // A publish of the terms with a template of the intruder's: no version, no stored template follows.
                .probe(Probe.form("/admin/legal", Map.of("document", "terms", "action", "publish", "template",
                        "<@doc.p>Intruder terms</@doc.p>", "effective_date", "2026-12-01", "mode", "notify",
                        "nonce", "intruder-form-nonce-0001")).ownOnly(), intruders)
                // The branding form starts from the tenant's current values, so an empty post saves them unchanged.
                .probe(Probe.multipart("/admin/branding", Map.of()).ownOnly(), intruders)
                .probe(Probe.form("/admin/models", Map.of()).ownOnly(), cast.neighbour())
                // A plugin form that would replace the vendor model and the token: the probe's state shows neither.
                .probe(Probe.form("/admin/plugins", Map.of("section", "models", "plugin", "replicate-image",
                        "setting.model", "intruder/model", "setting.api_token", "r8_intruder")).ownOnly(), intruders);
    }
}
