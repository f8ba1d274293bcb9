package dev.atelier.plugins.internal;

import java.time.Instant;
import org.osgi.framework.Bundle;

/**
 * What the host did with one jar of the deploy folder.
 *
 * @param fileName name in the deploy folder
 * @param hash SHA-256 of the content last acted on
 * @param bundle the bundle installed from it, or null when the jar could not be installed
 * @param symbolicName from the manifest, or null
 * @param version from the manifest, or null
 * @param lastError what went wrong last, or null
 * @param changedAt when the host last acted on it
 */
record DeployedFile(
        String fileName,
        String hash,
        Bundle bundle,
        String symbolicName,
        String version,
        String lastError,
        Instant changedAt) {

    DeployedFile withError(String hash, String error) {
        return new DeployedFile(fileName, hash, bundle, symbolicName, version, error, Instant.now());
    }
}
