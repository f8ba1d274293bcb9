package dev.atelier.core.tenants;

/** No tenant has the slug or id asked for. */
public final class TenantNotFoundException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TenantNotFoundException(String slug) {
        super("No tenant \"" + slug + "\"");
    }
}
