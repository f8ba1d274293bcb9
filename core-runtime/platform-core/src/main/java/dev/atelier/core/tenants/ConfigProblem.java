package dev.atelier.core.tenants;

/**
 * One thing wrong with a tenant's configuration.
 *
 * @param file the file it is in, relative to the folder of tenant folders ({@code auratuner/tenant.yaml}); {@code null}
 *     for a change not made through a file (the branding form)
 * @param path the key in the file, dotted with list indexes ({@code branding.colors.primary}, {@code plans[1].price});
 *     empty for the whole file
 * @param message what is wrong, for a person
 */
public record ConfigProblem(String file, String path, String message) {

    /** {@code file:path: message}, as the command line prints it. */
    @Override
    public String toString() {
        String where = file == null ? path : path.isEmpty() ? file : file + ":" + path;
        return where.isEmpty() ? message : where + ": " + message;
    }
}
