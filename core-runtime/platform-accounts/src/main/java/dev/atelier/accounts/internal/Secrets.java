package dev.atelier.accounts.internal;

import dev.atelier.core.hash.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random secrets in base64url and the SHA-256 under which they are stored instead. */
public final class Secrets {

    /** Length of {@link #random()}'s result: 32 bytes in unpadded base64url. */
    public static final int LENGTH = 43;

    private final SecureRandom random = new SecureRandom();

    /** A new secret: 32 random bytes, base64url without padding. */
    public String random() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} has the shape of {@link #random()}'s results, checked before any hashing or look-up. */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of {@code secret} (base64url, so its UTF-8 and ASCII bytes agree), as 64 lower-case hex digits. */
    public static String sha256(String secret) {
        return Sha256.hex(secret);
    }
}
