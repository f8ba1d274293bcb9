package dev.atelier.web.auth;

import dev.atelier.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names a mailed token without revealing it, for idempotency keys of the outbox. */
public final class Tokens {

    private Tokens() {}

    public static String key(String token) {
        return Sha256.hex(token).substring(0, 32);
    }
}
