package dev.atelier.launcher.operators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips of tenant folders as an operator would make them, and as an attacker would. */
final class TenantZips {

    private TenantZips() {}

    /** A minimal valid {@code tenant.yaml} for {@code slug}. */
    static String tenantYaml(String slug, String name) {
        return "slug: " + slug + "\nname: " + name + "\nsupport_email: help@" + slug + ".example\n"
                + "hosts: [" + slug + ".example]\nbranding:\n  theme: default\n  tagline: \"Made from a zip\"\n";
    }

    /** A zip holding {@code <slug>/tenant.yaml} and a logo. */
    static byte[] folder(String slug, String yaml) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(slug + "/", new byte[0]);
        entries.put(slug + "/tenant.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        entries.put(slug + "/assets/notes.txt", "kept beside the folder".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** A zip of the given entries, names as given (directories end in {@code /}). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A multipart body with one file part; the boundary is {@link #BOUNDARY}. */
    static byte[] multipart(String field, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/zip\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static final String BOUNDARY = "----atelier-test-boundary-7f3a";
}
