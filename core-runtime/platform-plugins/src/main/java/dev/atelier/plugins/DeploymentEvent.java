package dev.atelier.plugins;

import java.time.Instant;

/**
 * One thing the host did with a jar of the deploy folder.
 *
 * @param at when it happened
 * @param action {@value #INSTALLED}, {@value #UPDATED}, {@value #REMOVED} or {@value #FAILED}
 * @param fileName the jar's name in the deploy folder
 * @param symbolicName the bundle's symbolic name, or {@code null} when the jar has none
 * @param version the bundle's version (for an update, the new one), or {@code null}
 * @param detail a sentence for operators, for example {@code "updated from 1.1.0"} or the reason of a failure
 */
public record DeploymentEvent(
        Instant at, String action, String fileName, String symbolicName, String version, String detail) {

    public static final String INSTALLED = "INSTALLED";
    public static final String UPDATED = "UPDATED";
    public static final String REMOVED = "REMOVED";
    public static final String FAILED = "FAILED";
}
