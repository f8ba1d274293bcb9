package dev.atelier.model.replicate.internal;

import static java.lang.System.Logger.Level.WARNING;

import dev.atelier.spi.model.GenerationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secret that Replicate signs a tenant's webhooks with: the tenant's {@code webhook_secret} when set, otherwise
 * the account's default secret, read once from {@code GET /v1/webhooks/default/secret} and kept in memory for the
 * API root and token it belongs to (for at most {@link #MAX_ACCOUNTS} accounts, the least recently used forgotten
 * first). Without a usable secret there is no webhook: the model polls.
 */
final class WebhookSecrets {

    static final int MAX_ACCOUNTS = 64;

    /** Keyed by a digest of API root and token, so the cache does not keep tokens longer than a call does. */
    private final Map<String, WebhookSignature> fetched = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WebhookSignature> eldest) {
            return size() > MAX_ACCOUNTS;
        }
    };

    /**
     * The signature to check this tenant's webhooks with, or empty (with a warning that names the problem) when there
     * is none to be had.
     */
    Optional<WebhookSignature> signature(ReplicateSettings settings, ReplicateApi api, CallGuard guard)
            throws GenerationException {
        if (settings.webhookSecret() != null) {
            Optional<WebhookSignature> configured = WebhookSignature.ofSecret(settings.webhookSecret());
            if (configured.isEmpty()) {
                warn(guard, "setting " + ReplicateSettings.WEBHOOK_SECRET.key()
                        + " is not a whsec_<base64> secret; polling instead");
            }
            return configured;
        }
        String account = account(settings);
        synchronized (fetched) {
            WebhookSignature known = fetched.get(account);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<String> secret = api.webhookSecret(settings, guard);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<WebhookSignature> signature = WebhookSignature.ofSecret(secret.get());
        if (signature.isEmpty()) {
            warn(guard, "the account's webhook secret is not a whsec_<base64> secret; polling instead");
            return Optional.empty();
        }
        synchronized (fetched) {
            fetched.put(account, signature.get());
        }
        return signature;
    }

    /** Drops the fetched secret of this account, so the next call reads it again (it may have been rotated). */
    void forget(ReplicateSettings settings) {
        if (settings.webhookSecret() == null) {
            synchronized (fetched) {
                fetched.remove(account(settings));
            }
        }
    }

    private static String account(ReplicateSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(settings.baseUrl().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(settings.apiToken().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            // SHA-256 is required of every Java platform.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void warn(CallGuard guard, String message) {
        ReplicateLog.forCall(WARNING, guard.context(), message);
    }
}
