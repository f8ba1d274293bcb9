package dev.atelier.core.tenants;

/**
 * A new logo. SVG ({@code image/svg+xml}) or PNG ({@code image/png}), at most {@link #MAX_BYTES}.
 *
 * @param bytes the file content
 * @param contentType its media type
 */
public record LogoUpload(byte[] bytes, String contentType) {

    public static final int MAX_BYTES = 1024 * 1024;

    public LogoUpload {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
