package dev.atelier.generation;

import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.storage.StorageException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-limited links to stored media. A backend that hands out its own URLs (S3 presigned GET) is asked for one;
 * otherwise the link is the platform's {@code /media/<key>?exp=<epoch seconds>&sig=<HMAC>}, which
 * {@link #check} verifies before the object is streamed. Expiry is rounded up to the minute so a page reloaded within
 * it gets the same links, which browsers can cache.
 */
public final class MediaLinks {

    /** Why a link was refused. */
    public enum Check { VALID, EXPIRED, INVALID }

    private static final Logger LOG = LoggerFactory.getLogger(MediaLinks.class);
    private static final String SIGNATURE_CONTEXT = "media-link";

    private final SecretBox keys;
    private final TenantStorage storage;
    private final Clock clock;
    private final Duration lifetime;

    public MediaLinks(SecretBox keys, TenantStorage storage, Clock clock, Duration lifetime) {
        this.keys = keys;
        this.storage = storage;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A link to {@code key} of {@code tenant} that works for about the configured lifetime. */
    public String url(Tenant tenant, String key) {
        try {
            Optional<URI> direct = storage.readUrl(tenant, key, lifetime);
            if (direct.isPresent()) {
                return direct.get().toString();
            }
        } catch (StorageException | RuntimeException e) {
            LOG.warn("Tenant {}: no direct URL for {}: {}", tenant.slug(), key, e.getMessage());
        }
        long expires = (clock.instant().plus(lifetime).getEpochSecond() / 60 + 1) * 60;
        return "/media/" + key + "?exp=" + expires + "&sig=" + URLEncoder.encode(signature(key, expires),
                StandardCharsets.UTF_8);
    }

    /** Whether a platform link for {@code key} with these query values is genuine and current. */
    public Check check(Tenant tenant, String key, String exp, String sig) {
        if (key == null || exp == null || sig == null || !TenantStorage.belongsTo(tenant, key)) {
            return Check.INVALID;
        }
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        // Also under a previous secrets key, so links on pages shown before a key rotation keep working.
        boolean genuine = keys.fingerprintMatches(sig, signed(key, expires), SIGNATURE_CONTEXT);
        if (!genuine) {
            return Check.INVALID;
        }
        return Instant.ofEpochSecond(expires).isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    }

    private String signature(String key, long expires) {
        return keys.fingerprint(signed(key, expires), SIGNATURE_CONTEXT);
    }

    private static String signed(String key, long expires) {
        return key + "\n" + expires;
    }
}
