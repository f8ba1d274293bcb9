package dev.atelier.plugins.internal;

/** What the host needs to know about a bundle jar before installing it. */
public record JarFacts(String symbolicName, String version) {}
