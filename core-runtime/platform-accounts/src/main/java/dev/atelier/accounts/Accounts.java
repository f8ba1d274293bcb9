package dev.atelier.accounts;

import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.accounts.internal.AccountRows;
import dev.atelier.accounts.internal.AccountTokenEntity;
import dev.atelier.accounts.internal.EmailProof;
import dev.atelier.accounts.internal.SingleUseTokens;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email-and-password accounts of tenants. Every method takes the tenant id first and works through {@link TenantScope},
 * so an account, its email and its tokens are invisible to other tenants. Answers never distinguish an unknown email
 * from a wrong password; callers must not either.
 */
public final class Accounts {

    /** How long a verification link works. */
    public static final Duration VERIFICATION_LIFETIME = Duration.ofHours(24);
    /** How long an email change link works. */
    public static final Duration EMAIL_CHANGE_LIFETIME = Duration.ofHours(24);
    /** How long a password reset link works. */
    public static final Duration RESET_LIFETIME = Duration.ofHours(1);
    /** Most accounts one {@link #search} returns. */
    public static final int MAX_SEARCH_RESULTS = 100;
    /** Longest display name, in Unicode code points. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    private final TenantScope scope;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final UuidV7 ids;
    private final SingleUseTokens tokens;
    private final AccountChanges changes;

    /** Accounts whose changes nobody else is told of; for tests and commands that keep nothing in memory. */
    public Accounts(TenantScope scope, PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
        this(scope, policy, hasher, clock, new AccountChanges());
    }

    /** @param changes told of every change a signed-in request must see at once, after it is committed */
    public Accounts(TenantScope scope, PasswordPolicy policy, PasswordHasher hasher, Clock clock,
            AccountChanges changes) {
        this.changes = java.util.Objects.requireNonNull(changes, "changes");
        this.scope = scope;
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
        this.tokens = new SingleUseTokens(clock, ids);
    }

    /**
     * Creates an unverified account and a verification token valid for {@link #VERIFICATION_LIFETIME}.
     *
     * @throws InvalidAccountInputException if the email, password or display name is unacceptable
     * @throws EmailTakenException if the tenant already has an account with this email
     */
    public SignUp signUp(String tenantId, String email, String password, String displayName) {
        String normalizedEmail = EmailAddress.normalize(email);
        String name = displayName(displayName);
        policy.check(password, normalizedEmail, "password");
        String hash = hasher.hash(password);
        return writeClaimingEmail(tenantId, em -> {
            if (AccountRows.byEmail(em, normalizedEmail).isPresent()) {
                throw new EmailTakenException(tenantId);
            }
            Instant now = clock.instant();
            AccountEntity row = new AccountEntity("acc_" + ids.next().toString().replace("-", ""),
                    normalizedEmail, hash, name, now);
            em.persist(row);
            em.flush();
            String token = tokens.issue(em, row.id(), AccountTokenEntity.VERIFY_EMAIL, VERIFICATION_LIFETIME);
            LOG.info("Account {} signed up in tenant {}", row.id(), tenantId);
            return new SignUp(AccountRows.dto(tenantId, row), token);
        });
    }

    /** A new verification token for an account not verified yet (for "send the link again"); empty otherwise. */
    public Optional<String> requestVerification(String tenantId, String accountId) {
        return scope.write(tenantId, em -> Optional.ofNullable(em.find(AccountEntity.class, accountId))
                .filter(row -> row.emailVerifiedAt() == null)
                .map(row -> tokens.issue(em, row.id(), AccountTokenEntity.VERIFY_EMAIL, VERIFICATION_LIFETIME)));
    }

    /** {@link #verifyEmail(String, String, String)} ending every session of the account. */
    public Optional<Account> verifyEmail(String tenantId, String token) {
        return verifyEmail(tenantId, token, null);
    }

    /**
     * Marks the token's account verified. Following the link proves the email, which ends every session, API token
     * and pending email change made before (see {@code internal.EmailProof}).
     *
     * @param keepSessionId the session of the browser that followed the link, if it is signed in to this account: it
     *     keeps working; null ends every session
     * @return the account, or empty if the token is unknown here, used or expired
     */
    public Optional<Account> verifyEmail(String tenantId, String token, String keepSessionId) {
        return ended(tenantId, scope.write(tenantId, em -> tokens.redeem(em, token, AccountTokenEntity.VERIFY_EMAIL)
                .map(used -> {
            AccountEntity row = em.find(AccountEntity.class, used.accountId());
            int ended = EmailProof.prove(em, row, keepSessionId, clock.instant());
            LOG.info("Account {} in tenant {}: email verified, {} earlier sessions and API tokens ended", row.id(),
                    tenantId, ended);
            return AccountRows.dto(tenantId, row);
        })));
    }

    /**
     * The account if {@code password} is its password; empty for an unknown email, an account without a password or
     * a wrong password, after the same hashing work in each case. A hash made with old parameters is replaced.
     *
     * @throws AccountSuspendedException if the password is right but an admin suspended the account
     */
    public Optional<Account> signIn(String tenantId, String email, String password) {
        if (password == null || password.length() > 2 * PasswordPolicy.MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<AccountEntity> found = rowByEmail(tenantId, email);
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        AccountEntity row = found.get();
        if (!hasher.verify(password, row.passwordHash())) {
            return Optional.empty();
        }
        if (row.suspendedAt() != null) {
            throw new AccountSuspendedException(row.id());
        }
        if (hasher.needsRehash(row.passwordHash())) {
            String rehashed = hasher.hash(password);
            scope.run(tenantId, em -> {
                AccountEntity current = em.find(AccountEntity.class, row.id());
                if (current != null && row.passwordHash().equals(current.passwordHash())) {
                    current.changePasswordHash(rehashed, clock.instant());
                }
            });
            LOG.info("Account {} in tenant {}: password rehashed with current parameters", row.id(), tenantId);
        }
        return Optional.of(AccountRows.dto(tenantId, row));
    }

    /**
     * A password reset token valid for {@link #RESET_LIFETIME}, or empty when the tenant has no account with this
     * email (or the email is malformed). Callers answer the same either way.
     */
    public Optional<String> requestPasswordReset(String tenantId, String email) {
        String normalizedEmail;
        try {
            normalizedEmail = EmailAddress.normalize(email);
        } catch (InvalidAccountInputException e) {
            return Optional.empty();
        }
        return scope.write(tenantId, em -> AccountRows.byEmail(em, normalizedEmail)
                .map(row -> tokens.issue(em, row.id(), AccountTokenEntity.RESET_PASSWORD, RESET_LIFETIME)));
    }

    /**
     * Sets a new password with a reset token, which is then used up along with every other mailed link of the
     * account. Following the mailed link also proves the email: the account counts as verified afterwards, and every
     * session, API token and pending email change made before ends (see {@code internal.EmailProof}); the caller
     * starts the one session the reset signs in.
     *
     * @return the account, or empty if the token is unknown here, used or expired
     * @throws InvalidAccountInputException (field {@code newPassword}) if the password is unacceptable; the token
     *     stays usable
     */
    public Optional<Account> resetPassword(String tenantId, String token, String newPassword) {
        return ended(tenantId, scope.write(tenantId, em -> tokens.redeem(em, token, AccountTokenEntity.RESET_PASSWORD)
                .map(used -> {
            AccountEntity row = em.find(AccountEntity.class, used.accountId());
            policy.check(newPassword, row.email(), "newPassword");
            Instant now = clock.instant();
            row.changePasswordHash(hasher.hash(newPassword), now);
            tokens.invalidateAll(em, row.id(), AccountTokenEntity.RESET_PASSWORD);
            int ended = EmailProof.prove(em, row, null, now);
            LOG.info("Account {} in tenant {}: password reset, {} earlier sessions and API tokens ended", row.id(),
                    tenantId, ended);
            return AccountRows.dto(tenantId, row);
        })));
    }

    /**
     * Replaces the password of a signed-in user who typed the current one again; outstanding reset tokens stop
     * working.
     *
     * @return false if the account is unknown here or {@code currentPassword} is wrong
     * @throws InvalidAccountInputException (field {@code newPassword}) if the new password is unacceptable
     */
    public boolean changePassword(String tenantId, String accountId, String currentPassword, String newPassword) {
        return scope.write(tenantId, em -> {
            AccountEntity row = em.find(AccountEntity.class, accountId);
            if (row == null) {
                return false;
            }
            if (currentPassword == null || currentPassword.length() > 2 * PasswordPolicy.MAX_LENGTH
                    || !hasher.verify(currentPassword, row.passwordHash())) {
                return false;
            }
            policy.check(newPassword, row.email(), "newPassword");
            row.changePasswordHash(hasher.hash(newPassword), clock.instant());
            tokens.invalidateAll(em, row.id(), AccountTokenEntity.RESET_PASSWORD);
            LOG.info("Account {} in tenant {}: password changed", row.id(), tenantId);
            return true;
        });
    }

    /**
     * Whether {@code password} is the account's password, for confirming a sensitive change (email, erasure) by a
     * user who is already signed in. False for an unknown account, an account without a password or a wrong password,
     * after the same hashing work in each case, so the answer time does not tell them apart.
     */
    public boolean checkPassword(String tenantId, String accountId, String password) {
        if (password == null || password.length() > 2 * PasswordPolicy.MAX_LENGTH) {
            return false;
        }
        Optional<String> hash = accountId == null ? Optional.empty()
                : scope.read(tenantId, em -> Optional.ofNullable(em.find(AccountEntity.class, accountId))
                        .map(AccountEntity::passwordHash));
        if (hash.isEmpty()) {
            hasher.verifyNothing(password);
            return false;
        }
        // verify() does the same dummy work for a null hash (an account without a password).
        return hasher.verify(password, hash.get());
    }

    /**
     * Renames the account, with the rules of {@link #signUp}.
     *
     * @return the account as it is now
     * @throws InvalidAccountInputException (field {@code displayName}) if the name is unacceptable
     * @throws IllegalArgumentException if the tenant has no such account
     */
    public Account updateDisplayName(String tenantId, String accountId, String displayName) {
        String name = displayName(displayName);
        Account renamed = scope.write(tenantId, em -> {
            AccountEntity row = accountId == null ? null : em.find(AccountEntity.class, accountId);
            if (row == null) {
                throw new IllegalArgumentException("No account " + accountId + " in tenant " + tenantId);
            }
            if (!name.equals(row.displayName())) {
                row.changeDisplayName(name, clock.instant());
            }
            return AccountRows.dto(tenantId, row);
        });
        changes.detailsChanged(tenantId, renamed.id());
        return renamed;
    }

    /**
     * A token valid for {@link #EMAIL_CHANGE_LIFETIME} to mail to {@code newEmail}; following it switches the account
     * to that address ({@link #confirmEmailChange}). The email only changes once the new address is proven, so a typo
     * cannot lock the user out and a stolen session cannot quietly take the account over. Earlier change tokens keep
     * working until one of them is confirmed.
     *
     * @return the token, or empty if the tenant has no such account
     * @throws InvalidAccountInputException (field {@code newEmail}) if the address is malformed or already the
     *     account's
     * @throws EmailTakenException if another account of the tenant has the address
     */
    public Optional<String> requestEmailChange(String tenantId, String accountId, String newEmail) {
        String normalizedEmail;
        try {
            normalizedEmail = EmailAddress.normalize(newEmail);
        } catch (InvalidAccountInputException e) {
            throw new InvalidAccountInputException("newEmail", e.getMessage());
        }
        if (accountId == null) {
            return Optional.empty();
        }
        return scope.write(tenantId, em -> {
            AccountEntity row = em.find(AccountEntity.class, accountId);
            if (row == null) {
                return Optional.<String>empty();
            }
            if (row.email().equals(normalizedEmail)) {
                throw new InvalidAccountInputException("newEmail", "This is already your email address.");
            }
            if (AccountRows.byEmail(em, normalizedEmail).isPresent()) {
                throw new EmailTakenException(tenantId);
            }
            String token = tokens.issue(em, row.id(), AccountTokenEntity.CHANGE_EMAIL, EMAIL_CHANGE_LIFETIME,
                    normalizedEmail);
            LOG.info("Account {} in tenant {}: email change requested", row.id(), tenantId);
            return Optional.of(token);
        });
    }

    /**
     * Switches the account to the address its change token was mailed to, and counts it verified (following the link
     * proved it). Every other email change token of the account is used up, and so are its outstanding verification
     * and password reset tokens: they were mailed to the old address, which no longer speaks for the account.
     *
     * @return the account as it is now and the address it had, for the notice to the old address; empty if the token
     *     is unknown here, used or expired
     * @throws EmailTakenException if another account took the address since the change was requested; the token
     *     stays unused
     */
    public Optional<EmailChange> confirmEmailChange(String tenantId, String token) {
        Function<EntityManager, Optional<EmailChange>> change = em -> tokens.redeem(em, token,
                AccountTokenEntity.CHANGE_EMAIL).map(used -> {
            AccountEntity row = em.find(AccountEntity.class, used.accountId());
            String previous = row.email();
            String next = used.newEmail();
            if (!previous.equals(next)) {
                if (AccountRows.byEmail(em, next).isPresent()) {
                    throw new EmailTakenException(tenantId);
                }
                Instant now = clock.instant();
                row.changeEmail(next, now);
                row.markEmailVerified(now);
            }
            tokens.invalidateAll(em, row.id(), AccountTokenEntity.CHANGE_EMAIL);
            tokens.invalidateAll(em, row.id(), AccountTokenEntity.VERIFY_EMAIL);
            tokens.invalidateAll(em, row.id(), AccountTokenEntity.RESET_PASSWORD);
            em.flush();
            LOG.info("Account {} in tenant {}: email changed", row.id(), tenantId);
            return new EmailChange(AccountRows.dto(tenantId, row), previous);
        });
        Optional<EmailChange> changed = writeClaimingEmail(tenantId, change);
        changed.ifPresent(done -> changes.detailsChanged(tenantId, done.account().id()));
        return changed;
    }

    /** The account with this id in this tenant. */
    public Optional<Account> find(String tenantId, String accountId) {
        return scope.read(tenantId, em -> Optional.ofNullable(em.find(AccountEntity.class, accountId))
                .map(row -> AccountRows.dto(tenantId, row)));
    }

    /** The account with this email (normalized first) in this tenant; empty for malformed emails too. */
    public Optional<Account> findByEmail(String tenantId, String email) {
        return rowByEmail(tenantId, email).map(row -> AccountRows.dto(tenantId, row));
    }

    /**
     * The tenant's accounts whose email starts with {@code emailPrefix} (normalized like an email; blank matches
     * every account), newest first, for the admin area's user list.
     *
     * @param limit at most this many, 1 to {@value #MAX_SEARCH_RESULTS}; larger values are capped
     */
    public List<Account> search(String tenantId, String emailPrefix, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        String prefix = emailPrefix == null ? ""
                : Normalizer.normalize(emailPrefix.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (prefix.length() > EmailAddress.MAX_LENGTH) {
            return List.of();
        }
        // LIKE wildcards typed into the search box are matched as themselves.
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return scope.read(tenantId, em -> em.createQuery("SELECT a FROM AccountEntity a WHERE a.email LIKE :pattern"
                        + " ESCAPE '\\' ORDER BY a.createdAt DESC, a.id DESC", AccountEntity.class)
                .setParameter("pattern", pattern).setMaxResults(Math.min(limit, MAX_SEARCH_RESULTS))
                .getResultStream().map(row -> AccountRows.dto(tenantId, row)).toList());
    }

    private Optional<AccountEntity> rowByEmail(String tenantId, String email) {
        String normalizedEmail;
        try {
            normalizedEmail = EmailAddress.normalize(email);
        } catch (InvalidAccountInputException e) {
            return Optional.empty();
        }
        return scope.read(tenantId, em -> AccountRows.byEmail(em, normalizedEmail));
    }

    /** The clock this service stamps rows with, for services built on it. */
    Clock clock() {
        return clock;
    }

    /**
     * A display name from an external provider (or an email's local part), made acceptable instead of refused: the
     * user did not type it, so there is nobody to show an error to.
     */
    static String sanitizedDisplayName(String raw, String fallback) {
        for (String candidate : new String[] {raw, fallback}) {
            if (candidate == null) {
                continue;
            }
            StringBuilder clean = new StringBuilder();
            candidate.strip().codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                    .limit(MAX_DISPLAY_NAME_LENGTH).forEach(clean::appendCodePoint);
            String name = clean.toString().strip();
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "User";
    }

    static String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAccountInputException("displayName", "Enter your name.");
        }
        String name = raw.strip();
        if (name.length() > 2 * MAX_DISPLAY_NAME_LENGTH
                || name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidAccountInputException("displayName",
                    "Use a name of at most " + MAX_DISPLAY_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountInputException("displayName", "Use a name without line breaks or tabs.");
        }
        return name;
    }

    /**
     * {@link TenantScope#write} for work that gives an account an email address. Two such writes for one address at
     * the same moment both pass their check that it is free; the unique constraint decides, and the loser gets
     * {@link EmailTakenException} like a check that saw the address taken.
     */
    private <T> T writeClaimingEmail(String tenantId, Function<EntityManager, T> work) {
        try {
            return scope.write(tenantId, work);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailTakenException(tenantId);
            }
            throw e;
        }
    }

    /** Tells of an email proof ({@code internal.EmailProof}): it verified the account and ended its sessions. */
    private Optional<Account> ended(String tenantId, Optional<Account> proved) {
        proved.ifPresent(account -> changes.sessionsEnded(tenantId, account.id(), null));
        return proved;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
