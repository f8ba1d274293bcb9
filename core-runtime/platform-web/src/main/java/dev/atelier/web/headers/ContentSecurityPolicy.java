package dev.atelier.web.headers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Content-Security-Policy} every response carries: scripts, styles, fonts, forms and frames from the
 * page's own origin only, no plugins, and no framing by any site. A page that shows media from another origin (a
 * storage bucket's presigned links) or has a fixed inline style block widens it for itself with {@link #withMedia} or
 * {@link #withInlineStyle}. Only a page showing a bot challenge widens scripts, frames and calls, to the origins of the
 * tenant's bot-protection plugin ({@link #withChallenge}).
 */
public final class ContentSecurityPolicy {

    /** The header name, for resources that set their own widened policy. */
    public static final String HEADER = "Content-Security-Policy";

    private static final ContentSecurityPolicy STRICT = new ContentSecurityPolicy(Set.of(), Set.of(), Set.of());

    private final Set<String> mediaOrigins;
    private final Set<String> styleHashes;
    private final Set<String> challengeOrigins;

    private ContentSecurityPolicy(Set<String> mediaOrigins, Set<String> styleHashes, Set<String> challengeOrigins) {
        this.mediaOrigins = mediaOrigins;
        this.styleHashes = styleHashes;
        this.challengeOrigins = challengeOrigins;
    }

    /** Same-origin everything, images also from {@code data:} and {@code blob:} URLs. */
    public static ContentSecurityPolicy strict() {
        return STRICT;
    }

    /**
     * Also allows images and videos from these origins ({@code https://bucket.s3.example.com}); anything that is not a
     * plain origin is ignored, so no caller can slip another directive in.
     */
    public ContentSecurityPolicy withMedia(Collection<String> origins) {
        Set<String> more = new LinkedHashSet<>(mediaOrigins);
        origins.stream().filter(ContentSecurityPolicy::isOrigin).forEach(more::add);
        return new ContentSecurityPolicy(Set.copyOf(more), styleHashes, challengeOrigins);
    }

    /**
     * Also allows scripts, frames and calls ({@code script-src}, {@code frame-src}, {@code connect-src}) from the
     * origins of a bot challenge's widget ({@code https://challenges.cloudflare.com}); anything that is not a plain
     * origin is ignored.
     */
    public ContentSecurityPolicy withChallenge(Collection<String> origins) {
        Set<String> more = new LinkedHashSet<>(challengeOrigins);
        origins.stream().filter(ContentSecurityPolicy::isOrigin).forEach(more::add);
        return new ContentSecurityPolicy(mediaOrigins, styleHashes, Set.copyOf(more));
    }

    /** Also allows one {@code <style>} element whose text is exactly {@code css}, by its SHA-256 hash. */
    public ContentSecurityPolicy withInlineStyle(String css) {
        Set<String> more = new LinkedHashSet<>(styleHashes);
        more.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(css)) + "'");
        return new ContentSecurityPolicy(mediaOrigins, Set.copyOf(more), challengeOrigins);
    }

    /** The header value. */
    @Override
    public String toString() {
        String media = mediaOrigins.isEmpty() ? "" : " " + String.join(" ", mediaOrigins.stream().sorted().toList());
        String styles = styleHashes.isEmpty() ? "" : " " + String.join(" ", styleHashes.stream().sorted().toList());
        String challenge = challengeOrigins.isEmpty() ? ""
                : " " + String.join(" ", challengeOrigins.stream().sorted().toList());
        String frames = challengeOrigins.isEmpty() ? "" : "; frame-src 'self'" + challenge;
        return "default-src 'self'; script-src 'self'" + challenge + "; style-src 'self'" + styles
                + "; img-src 'self' data: blob:" + media + "; media-src 'self' blob:" + media
                + "; font-src 'self'; connect-src 'self'" + challenge + frames
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The origin ({@code scheme://host[:port]}) of an absolute http(s) URL, or null for a relative or odd one. */
    public static String originOf(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return null;
        }
        int end = url.indexOf('/', url.indexOf("://") + 3);
        String origin = end < 0 ? url : url.substring(0, end);
        return isOrigin(origin) ? origin.toLowerCase(Locale.ROOT) : null;
    }

    private static boolean isOrigin(String value) {
        return value != null && value.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
