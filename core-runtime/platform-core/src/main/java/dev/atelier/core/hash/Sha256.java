package dev.atelier.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the platform uses it: stored token and secret hashes, content hashes of assets and files, request
 * digests. Every Java runtime has SHA-256, so its absence is an error, not a case to handle.
 */
public final class Sha256 {

    private Sha256() {}

    /** A fresh digest to feed in several parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** 64 lower-case hex digits of {@code bytes}' hash. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** 64 lower-case hex digits of the hash of {@code text}'s UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
