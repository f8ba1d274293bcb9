package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A tenant folder as read from disk, checked and with its profile overlay merged.
 *
 * @param slug the folder's name (equal to the slug in the file when valid)
 * @param document the merged document, secrets still written {@code ${NAME}}
 * @param fileOf which file (label) a path came from: the overlay when it sets the path, else the base file
 * @param hosts every host name of the tenant, lower case, including {@code <slug>.<base domain>}, with the path of
 *     the key that named it
 * @param secrets the clear values of the secrets referenced, by environment variable name
 * @param assets files to store, by path inside the folder
 * @param templates template overrides, by name
 */
record ReadFolder(String slug, ObjectNode document, java.util.function.Function<String, String> fileOf,
        Map<String, String> hosts, SortedMap<String, String> secrets, SortedMap<String, Asset> assets,
        SortedMap<String, String> templates) {

    /** A file to store as a tenant asset. */
    record Asset(String sha256, String contentType, byte[] bytes) {}

    List<String> hostNames() {
        return List.copyOf(hosts.keySet());
    }
}
