package dev.atelier.core.secrets;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts secrets for storage with AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag, and a context string
 * (e.g. tenant id and secret name) bound in as associated data so a ciphertext cannot be moved to another place.
 *
 * <p>Sealed values read {@code v2.<key id>.<base64 of nonce || ciphertext || tag>}. The key id is derived from the key
 * (it reveals nothing about it), so a box holding several keys knows which one opens a value: the current key seals,
 * previous keys ({@code atelier.secrets.previous-keys}) only open, which is what lets the key be rotated. Values sealed
 * before key ids existed (plain base64) are opened with whichever configured key fits.
 */
public final class SecretBox {

    /** Name of the key file generated in the data folder when no key is configured on embedded defaults. */
    public static final String KEY_FILE = "secrets.key";

    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v2";
    private static final char SEPARATOR = '.';

    private final SecretKeySpec key;
    private final String keyId;
    private final Map<String, SecretKeySpec> keysById;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes of key material */
    public SecretBox(byte[] key) {
        this(key, List.of());
    }

    /**
     * @param key 32 bytes of key material: seals, and opens what it sealed
     * @param previousKeys keys of 32 bytes that only open, for values sealed before the key was changed
     */
    public SecretBox(byte[] key, List<byte[]> previousKeys) {
        this.key = aesKey(key);
        this.keyId = keyId(this.key);
        Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
        byId.put(keyId, this.key);
        for (byte[] previous : previousKeys) {
            SecretKeySpec spec = aesKey(previous);
            byId.putIfAbsent(keyId(spec), spec);
        }
        this.keysById = Collections.unmodifiableMap(byId);
    }

    /** A box for the base64-encoded 32-byte key. */
    public static SecretBox fromBase64(String key) {
        return fromBase64(key, List.of());
    }

    /** A box sealing with the base64-encoded {@code key} and also opening with the base64-encoded previous keys. */
    public static SecretBox fromBase64(String key, List<String> previousKeys) {
        return new SecretBox(decode(key), previousKeys.stream().map(SecretBox::decode).toList());
    }

    private static byte[] decode(String key) {
        try {
            return Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretKeyException("The secrets key is not valid base64", e);
        }
    }

    private static SecretKeySpec aesKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new SecretKeyException("The secrets key must be " + KEY_BYTES + " bytes, was " + key.length);
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    // A public name for a key: the start of an HMAC under it, so the id tells nothing about the key itself.
    private static String keyId(SecretKeySpec key) {
        return HexFormat.of().formatHex(hmac(key.getEncoded(), "atelier key id"), 0, 6);
    }

    /**
     * The box for this configuration: {@code atelier.secrets.key} when set. When it is empty and the database is
     * embedded, a key generated once into {@code <data-dir>/secrets.key} (owner-only) with a warning; when it is empty
     * and {@code atelier.db.url} is set, refuses.
     *
     * @throws SecretKeyException saying what to set
     */
    public static SecretBox fromConfig(AtelierConfig config) {
        String configured = config.get(Keys.SECRETS_KEY);
        List<String> previous = config.get(Keys.SECRETS_PREVIOUS_KEYS);
        if (!configured.isEmpty()) {
            return fromBase64(configured, previous);
        }
        if (!config.get(Keys.DB_URL).isEmpty()) {
            throw new SecretKeyException(Keys.SECRETS_KEY.name() + " (" + Keys.SECRETS_KEY.environmentVariable()
                    + ") must be set when " + Keys.DB_URL.name() + " points at an external database: it encrypts"
                    + " tenant secrets, and every node must use the same one. Generate one with"
                    + " `openssl rand -base64 32`.");
        }
        return fromKeyFile(config.path(Keys.DATA_DIR).resolve(KEY_FILE), previous);
    }

    private static SecretBox fromKeyFile(Path file, List<String> previous) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    LOG.warn("No {} configured: generated a secrets key into {}. Production must set {} (and keep"
                            + " it safe): losing it loses the stored tenant secrets.", Keys.SECRETS_KEY.name(), file,
                            Keys.SECRETS_KEY.environmentVariable());
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first; use theirs.
                }
            } else {
                LOG.warn("No {} configured: using the generated key in {}. Production must set {}.",
                        Keys.SECRETS_KEY.name(), file, Keys.SECRETS_KEY.environmentVariable());
            }
            return fromBase64(Files.readString(file), previous);
        } catch (IOException e) {
            throw new SecretKeyException("Cannot read or create the secrets key file " + file + ": " + e
                    + ". Make the data folder writable or set " + Keys.SECRETS_KEY.name() + ".", e);
        }
    }

    /** Encrypts {@code plaintext}; {@code context} must be given again to open it. */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(key, Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + SEPARATOR + keyId + SEPARATOR + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * A keyed fingerprint of {@code value} (HMAC-SHA256 under a key derived from the current secrets key), for telling
     * whether a secret changed, or for signing a value, without storing anything a reader of the database could test
     * guesses against.
     */
    public String fingerprint(String value, String context) {
        return fingerprint(key, value, context);
    }

    /**
     * Whether {@code presented} is the {@link #fingerprint} of {@code value} under the current key or a previous one,
     * compared in constant time; what was signed before the key changed keeps verifying while its key is configured.
     */
    public boolean fingerprintMatches(String presented, String value, String context) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean matches = false;
        for (SecretKeySpec each : keysById.values()) {
            matches |= MessageDigest.isEqual(fingerprint(each, value, context).getBytes(StandardCharsets.UTF_8),
                    candidate);
        }
        return matches;
    }

    /** The id of the current key, as it appears in the values it seals. */
    public String keyId() {
        return keyId;
    }

    /** Whether {@code sealed} was sealed with the current key, so re-sealing it would change nothing. */
    public boolean sealedWithCurrentKey(String sealed) {
        return keyIdOf(sealed).filter(keyId::equals).isPresent();
    }

    private static String fingerprint(SecretKeySpec key, String value, String context) {
        // A separate key for fingerprints, so the encryption key is never used by two algorithms.
        byte[] fingerprintKey = hmac(key.getEncoded(), "atelier fingerprint key");
        byte[] message = (context + "\0" + value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(fingerprintKey, message));
    }

    private static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced with the same context, under the current key or a previous one.
     *
     * @throws SecretKeyException when the value was sealed with a key not configured here (the message names its
     *     id), with another context, or was altered
     */
    public String open(String sealed, String context) {
        Optional<String> id = keyIdOf(sealed);
        if (id.isEmpty()) {
            return openWithoutKeyId(sealed, context);
        }
        SecretKeySpec sealingKey = keysById.get(id.get());
        if (sealingKey == null) {
            throw new SecretKeyException("A stored secret (" + context + ") was sealed with key id " + id.get()
                    + ", which is not configured: " + Keys.SECRETS_KEY.name() + " has id " + keyId
                    + (keysById.size() > 1 ? " and " + Keys.SECRETS_PREVIOUS_KEYS.name() + " have ids "
                            + String.join(", ", keysById.keySet().stream().skip(1).toList()) : "")
                    + ". Add the key with id " + id.get() + " to " + Keys.SECRETS_PREVIOUS_KEYS.name()
                    + ", or re-apply the tenant folders to store the secrets again.");
        }
        try {
            return decrypt(sealingKey, payload(sealed, context, sealed.lastIndexOf(SEPARATOR) + 1), context);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretKeyException("A stored secret (" + context + ") does not open with key id " + id.get()
                    + ": it was altered, or moved from another place.", e);
        }
    }

    // Values sealed before key ids existed: whichever configured key opens it is the one.
    private String openWithoutKeyId(String sealed, String context) {
        byte[] bytes = payload(sealed, context, 0);
        for (SecretKeySpec each : keysById.values()) {
            try {
                return decrypt(each, bytes, context);
            } catch (javax.crypto.AEADBadTagException e) {
                // Not this key; try the next.
            }
        }
        throw new SecretKeyException("A stored secret (" + context + ") cannot be decrypted with the configured "
                + Keys.SECRETS_KEY.name() + (keysById.size() > 1 ? " or " + Keys.SECRETS_PREVIOUS_KEYS.name() : "")
                + ": the key changed or the value was altered. Restore the key (as " + Keys.SECRETS_PREVIOUS_KEYS.name()
                + " if another one seals now), or re-apply the tenant folders to store the secrets again.");
    }

    private static byte[] payload(String sealed, String context, int start) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(start));
        } catch (IllegalArgumentException e) {
            throw new SecretKeyException("A stored secret (" + context + ") is not a sealed value", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretKeyException("A stored secret is truncated (" + context + ")");
        }
        return bytes;
    }

    private static String decrypt(SecretKeySpec key, byte[] bytes, String context)
            throws javax.crypto.AEADBadTagException {
        try {
            Cipher cipher = cipher(key, Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    // "v2.<id>.<payload>"; plain base64 (no separator) is the format from before key ids.
    private static Optional<String> keyIdOf(String sealed) {
        String prefix = VERSION + SEPARATOR;
        int end = sealed.indexOf(SEPARATOR, prefix.length());
        return sealed.startsWith(prefix) && end > prefix.length()
                ? Optional.of(sealed.substring(prefix.length(), end)) : Optional.empty();
    }

    private static Cipher cipher(SecretKeySpec key, int mode, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
