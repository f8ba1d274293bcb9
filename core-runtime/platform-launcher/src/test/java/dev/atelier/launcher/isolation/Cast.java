package dev.atelier.launcher.isolation;

import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.platform.Browser;
import java.util.List;

/**
 * The people of the isolation cases, each signed up through the real sign-up form and confirmed from the real mail:
 * the owner of every thing, another user of the owner's tenant (the neighbour), a user of the other tenant on that
 * tenant's host (the stranger), scripts of those two calling the JSON API with their personal API tokens, and an admin
 * of each tenant.
 *
 * @param owner who creates the things, on the owner's tenant
 * @param neighbour another user of the owner's tenant, not an admin
 * @param stranger a user of the other tenant
 * @param neighbourScript the neighbour's API token, calling the JSON API
 * @param strangerScript the stranger's API token, calling the JSON API on the other tenant's host
 * @param ownerAdmin an admin of the owner's tenant
 * @param strangerAdmin an admin of the other tenant
 * @param platform the running platform (for a browser that is signed in as nobody, for mail, for its operator)
 */
record Cast(Party owner, Party neighbour, Party stranger, Party neighbourScript, Party strangerScript,
        Party ownerAdmin, Party strangerAdmin, Stage platform) {

    /**
     * Who sends a probe that names no intruders: the neighbour and the stranger, and for the JSON API their scripts
     * too (pages take no API tokens).
     */
    List<Party> intruders(Probe probe) {
        return probe.path().startsWith("/api/") ? List.of(neighbour, stranger, neighbourScript, strangerScript)
                : List.of(neighbour, stranger);
    }

    /** What a case may ask of the platform beyond its people. */
    interface Stage {

        /** A new browser on {@code host} with no cookies, whose requests the kit records. */
        Browser visitor(String host);

        /** The name of the tenant served on {@code host}, as the subjects of its mail name it. */
        String tenantName(String host);

        /** The subject of the mail that confirms an address on {@code host}'s site, in that site's wording. */
        String confirmSubject(String host);

        /**
         * Waits for the {@code nth} mail (from 1) to {@code address} with the subject {@code subject}, and returns the
         * path and query of its link, as a browser on the site would follow it.
         */
        String mailedLink(String address, String subject, int nth);

        /** As the operator of the tenant of {@code host}: adds {@code offer}, with its plugin settings, to its models. */
        void offerModel(String host, TenantSettings.ModelOffer offer);
    }
}
