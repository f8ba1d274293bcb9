package dev.atelier.generation.jobs;

/**
 * One file a job produced, as stored by the tenant's storage backend.
 *
 * @param key the storage key of the file
 * @param mediaType such as {@code image/png} or {@code video/mp4}
 * @param size bytes
 * @param width pixels
 * @param height pixels
 * @param durationMillis length of a video, {@code null} for an image
 * @param thumbnailKey storage key of a preview image ({@code key} itself for an image small enough to be its own),
 *     or {@code null}
 */
public record Output(
        String key, String mediaType, long size, int width, int height, Long durationMillis, String thumbnailKey) {}
