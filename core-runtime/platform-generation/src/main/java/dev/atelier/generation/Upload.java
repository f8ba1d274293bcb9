package dev.atelier.generation;

import dev.atelier.spi.model.MediaKind;
import java.time.Instant;

/**
 * An input a user uploaded, checked and stripped of metadata, kept private to its owner.
 *
 * @param id opaque id ({@code upl_...}), what a generation request lists in {@code inputs}
 * @param storageKey where the tenant's storage plugin keeps it
 * @param expiresAt when it is deleted if no job used it
 */
public record Upload(String id, String tenantId, String accountId, String storageKey, MediaKind kind, String mediaType,
        long size, int width, int height, Long durationMillis, Instant createdAt, Instant expiresAt) {}
