package dev.atelier.launcher.isolation;

/**
 * The people of the isolation cases, each signed up through the real sign-up form and confirmed from the real mail:
 * the owner of every thing, another user of the owner's tenant (the neighbour), a user of the other tenant on that
 * tenant's host (the stranger), and an admin of each tenant.
 *
 * @param owner who creates the things, on the owner's tenant
 * @param neighbour another user of the owner's tenant, not an admin
 * @param stranger a user of the other tenant
 * @param ownerAdmin an admin of the owner's tenant
 * @param strangerAdmin an admin of the other tenant
 * @param platform the running platform (for a browser that is signed in as nobody, and for mail)
 */
record Cast(Party owner, Party neighbour, Party stranger, Party ownerAdmin, Party strangerAdmin,
        Stage platform) {

    /** What a case may ask of the platform beyond its people. */
    interface Stage {

        /** A new browser on {@code host} with no cookies. */
        Browser visitor(String host);

        Mailbox mailbox();
    }
}
