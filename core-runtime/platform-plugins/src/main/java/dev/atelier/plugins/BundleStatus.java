package dev.atelier.plugins;

import java.time.Instant;
import java.util.List;

/**
 * What the host made of one jar in the deploy folder, for operators.
 *
 * @param fileName the jar's name in the deploy folder; identifies the entry even when the jar is not a bundle
 * @param symbolicName {@code Bundle-SymbolicName}, or {@code null} when the jar has none
 * @param version {@code Bundle-Version}, or {@code null} when the jar has none
 * @param state one of {@value #ACTIVE}, {@value #RESOLVED}, {@value #INSTALLED}, {@value #DRAINING}, {@value #INVALID},
 *     {@value #STARTING}, {@value #STOPPING} or {@value #PENDING}
 * @param services services the bundle registered, for example {@code "GenerationModel procedural"}
 * @param lastError what went wrong last and what to fix, or {@code null}
 * @param changedAt when the host last acted on this jar
 * @param metrics calls served by this bundle since it was installed
 */
public record BundleStatus(
        String fileName,
        String symbolicName,
        String version,
        String state,
        List<String> services,
        String lastError,
        Instant changedAt,
        PluginMetrics metrics) {

    /** Started and serving. */
    public static final String ACTIVE = "ACTIVE";
    /** Resolved but not started, typically because its activator failed. */
    public static final String RESOLVED = "RESOLVED";
    /** Installed but not resolved, typically because a package it imports is missing. */
    public static final String INSTALLED = "INSTALLED";
    /** Being replaced or removed: finishing the calls already running, taking no new ones. */
    public static final String DRAINING = "DRAINING";
    /** Not installable: not a jar, or its manifest is unusable. */
    public static final String INVALID = "INVALID";
    /** Its activator is running. */
    public static final String STARTING = "STARTING";
    /** Being stopped. */
    public static final String STOPPING = "STOPPING";
    /** Seen in the deploy folder, not acted on yet. */
    public static final String PENDING = "PENDING";

    public BundleStatus {
        services = List.copyOf(services);
    }
}
