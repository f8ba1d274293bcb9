package dev.atelier.accounts;

import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.accounts.internal.AccountIdentityEntity;
import dev.atelier.accounts.internal.AccountRows;
import dev.atelier.accounts.ExternalSignIn.Outcome;
import dev.atelier.accounts.internal.EmailProof;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with an external provider (Google, through OpenID Connect) after the web layer has checked the provider's
 * answer. An identity is known by the provider's stable subject, never by email; an email only matters the first time
 * an identity is seen, and only if the provider confirmed it, because an unconfirmed email at a provider proves
 * nothing about who owns the address. Every method takes the tenant id first and works through {@link TenantScope}:
 * identities, like accounts, exist in one tenant only.
 */
public final class ExternalSignIns {

    /** Longest provider id and subject accepted, in characters (OpenID Connect caps {@code sub} at 255 ASCII). */
    public static final int MAX_KEY_LENGTH = 255;

    private static final Logger LOG = LoggerFactory.getLogger(ExternalSignIns.class);

    private final TenantScope scope;
    private final Clock clock;
    private final UuidV7 ids;
    private final AccountChanges changes;

    /** External sign-ins whose effects nobody else is told of; for tests. */
    public ExternalSignIns(TenantScope scope, Clock clock) {
        this(scope, clock, new AccountChanges());
    }

    /** @param changes told when linking an identity ends an account's sessions, after it is committed */
    public ExternalSignIns(TenantScope scope, Clock clock, AccountChanges changes) {
        this.changes = java.util.Objects.requireNonNull(changes, "changes");
        this.scope = scope;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /**
     * Finds, links or creates the account of an identity at {@code provider}.
     *
     * <ul>
     *   <li>An identity linked before signs in its account, whatever the email says now ({@link Outcome#EXISTING}).
     *   <li>Else, with a confirmed email that an account of the tenant has, the identity is linked to that account and
     *       the account counts as verified ({@link Outcome#LINKED}). The provider's confirmation proves the email, so
     *       every session, API token and pending email change made before ends (see {@code internal.EmailProof}),
     *       and so does the password if the email was not verified yet: whoever set them may have registered the
     *       address first to wait for its owner (pre-registration takeover).
     *   <li>Else, with a confirmed email, a new verified account without password is created ({@link Outcome#CREATED}),
     *       named {@code displayName} or, if that is blank, the email's local part.
     * </ul>
     *
     * @param provider the provider's id, such as {@code google}
     * @param subject the provider's stable id of the user ({@code sub})
     * @param email the email the provider reported, or null
     * @param emailVerified whether the provider says it confirmed that email ({@code email_verified})
     * @param displayName the name the provider reported, or null; made acceptable rather than refused
     * @throws ExternalSignInRefusedException if the identity is not linked yet and the email is missing, malformed or
     *     unconfirmed; nothing is stored
     * @throws IllegalArgumentException if provider or subject is blank or too long
     */
    public ExternalSignIn signIn(String tenantId, String provider, String subject, String email,
            boolean emailVerified, String displayName) {
        requireKey(provider, "provider");
        requireKey(subject, "subject");
        ExternalSignIn result;
        try {
            result = scope.write(tenantId, em -> signIn(em, tenantId, provider, subject, email, emailVerified,
                    displayName));
        } catch (PersistenceException e) {
            // Two first sign-ins at once (a double click): the other one created the identity or the account, which
            // a second look finds.
            if (!Accounts.isUniqueViolation(e)) {
                throw e;
            }
            result = scope.write(tenantId, em -> signIn(em, tenantId, provider, subject, email, emailVerified,
                    displayName));
        }
        if (result.outcome() == Outcome.LINKED) {
            changes.sessionsEnded(tenantId, result.account().id(), null);
        }
        return result;
    }

    /** The external identities of an account, oldest first; empty for an unknown account. */
    public List<Identity> identities(String tenantId, String accountId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT i FROM AccountIdentityEntity i"
                        + " WHERE i.accountId = :account ORDER BY i.createdAt, i.id", AccountIdentityEntity.class)
                .setParameter("account", accountId).getResultStream()
                .map(row -> new Identity(row.provider(), row.email(), row.createdAt())).toList());
    }

    private ExternalSignIn signIn(EntityManager em, String tenantId, String provider, String subject, String email,
            boolean emailVerified, String displayName) {
        Optional<AccountIdentityEntity> known = em.createQuery("SELECT i FROM AccountIdentityEntity i"
                        + " WHERE i.provider = :provider AND i.subject = :subject", AccountIdentityEntity.class)
                .setParameter("provider", provider).setParameter("subject", subject).getResultStream().findFirst();
        if (known.isPresent()) {
            AccountEntity row = em.find(AccountEntity.class, known.get().accountId());
            return new ExternalSignIn(AccountRows.dto(tenantId, row), Outcome.EXISTING);
        }
        String normalizedEmail = confirmedEmail(provider, email, emailVerified);
        Instant now = clock.instant();
        Optional<AccountEntity> existing = AccountRows.byEmail(em, normalizedEmail);
        if (existing.isPresent()) {
            AccountEntity row = existing.get();
            if (row.emailVerifiedAt() == null) {
                // Whoever chose the password never proved the address.
                row.changePasswordHash(null, now);
            }
            int ended = EmailProof.prove(em, row, null, now);
            LOG.info("Account {} in tenant {}: {} earlier sessions and API tokens ended on linking {}", row.id(),
                    tenantId, ended, provider);
            persistIdentity(em, row.id(), provider, subject, normalizedEmail, now);
            LOG.info("Account {} in tenant {}: {} identity linked", row.id(), tenantId, provider);
            return new ExternalSignIn(AccountRows.dto(tenantId, row), Outcome.LINKED);
        }
        String localPart = normalizedEmail.substring(0, normalizedEmail.indexOf('@'));
        AccountEntity row = new AccountEntity("acc_" + compact(ids.next().toString()), normalizedEmail, null,
                Accounts.sanitizedDisplayName(displayName, localPart), now);
        row.markEmailVerified(now);
        em.persist(row);
        em.flush();
        persistIdentity(em, row.id(), provider, subject, normalizedEmail, now);
        LOG.info("Account {} signed up in tenant {} with {}", row.id(), tenantId, provider);
        return new ExternalSignIn(AccountRows.dto(tenantId, row), Outcome.CREATED);
    }

    private void persistIdentity(EntityManager em, String accountId, String provider, String subject, String email,
            Instant now) {
        em.persist(new AccountIdentityEntity("idn_" + compact(ids.next().toString()), accountId, provider, subject,
                email, now));
        em.flush();
    }

    private static String confirmedEmail(String provider, String email, boolean emailVerified) {
        if (!emailVerified || email == null || email.isBlank()) {
            throw new ExternalSignInRefusedException(displayProvider(provider));
        }
        try {
            return EmailAddress.normalize(email);
        } catch (InvalidAccountInputException e) {
            throw new ExternalSignInRefusedException(displayProvider(provider));
        }
    }

    private static String displayProvider(String provider) {
        return provider.isEmpty() ? provider : Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
    }

    private static void requireKey(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("External sign-in " + what + " must be 1-" + MAX_KEY_LENGTH
                    + " characters");
        }
    }

    private static String compact(String uuid) {
        return uuid.replace("-", "");
    }
}
