package dev.atelier.web.operator.tenants;

/** A tenant with that slug exists already; creating never overwrites one (apply its folder to change it). */
public final class TenantExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TenantExistsException(String slug) {
        super("A tenant named \"" + slug + "\" exists already. Choose another slug, or change that tenant in its"
                + " admin area or with bin/atelier tenants apply.");
    }
}
