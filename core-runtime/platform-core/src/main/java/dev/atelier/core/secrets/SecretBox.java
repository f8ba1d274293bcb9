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
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts secrets for storage with AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag, and a context string
 * (e.g. tenant id and secret name) bound in as associated data so a ciphertext cannot be moved to another place.
 * Sealed values are base64 of {@code nonce || ciphertext || tag}.
 */
public final class SecretBox {

    /** Name of the key file generated in the data folder when no key is configured on embedded defaults. */
    public static final String KEY_FILE = "secrets.key";

    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes of key material */
    public SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new SecretKeyException("The secrets key must be " + KEY_BYTES + " bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box for the base64-encoded 32-byte key. */
    public static SecretBox fromBase64(String key) {
        try {
            return new SecretBox(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new SecretKeyException("The secrets key is not valid base64", e);
        }
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
        if (!configured.isEmpty()) {
            return fromBase64(configured);
        }
        if (!config.get(Keys.DB_URL).isEmpty()) {
            throw new SecretKeyException(Keys.SECRETS_KEY.name() + " (" + Keys.SECRETS_KEY.environmentVariable()
                    + ") must be set when " + Keys.DB_URL.name() + " points at an external database: it encrypts"
                    + " tenant secrets, and every node must use the same one. Generate one with"
                    + " `openssl rand -base64 32`.");
        }
        return fromKeyFile(config.path(Keys.DATA_DIR).resolve(KEY_FILE));
    }

    private static SecretBox fromKeyFile(Path file) {
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
            return fromBase64(Files.readString(file));
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
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * A keyed fingerprint of {@code value} (HMAC-SHA256 under a key derived from the secrets key), for telling whether
     * a secret changed without storing anything a reader of the database could test guesses against.
     */
    public String fingerprint(String value, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey());
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    // A separate key for fingerprints, so the encryption key is never used by two algorithms.
    private SecretKeySpec fingerprintKey() throws GeneralSecurityException {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
        return new SecretKeySpec(derive.doFinal("atelier fingerprint key".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    /**
     * Decrypts what {@link #seal} produced with the same context.
     *
     * @throws SecretKeyException when the value was sealed with another key or context, or was altered
     */
    public String open(String sealed, String context) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretKeyException("A stored secret is truncated (" + context + ")");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
            byte[] clear = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretKeyException("A stored secret (" + context + ") cannot be decrypted with the configured "
                    + Keys.SECRETS_KEY.name() + ": the key changed or the value was altered. Restore the key, or"
                    + " re-apply the tenant folders to store the secrets again.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
