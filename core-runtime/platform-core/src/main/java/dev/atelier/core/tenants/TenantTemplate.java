package dev.atelier.core.tenants;

/**
 * A FreeMarker template from a tenant folder's {@code templates/}, overriding the theme's template of the same name.
 *
 * @param name relative name with {@code /} separators ({@code index.ftlh}, {@code error/404.ftlh})
 * @param source the template text
 */
public record TenantTemplate(String name, String source) {}
