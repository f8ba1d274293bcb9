package dev.atelier.core.accounts;

import dev.atelier.core.accounts.internal.AccountEntity;
import dev.atelier.core.tenants.TenantScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's rights over their data (GDPR articles 15, 17 and 20): a copy of everything stored about their account,
 * and erasure of it. The account tables are covered here; modules that keep more (generations, billing) take part
 * through a {@link PersonalDataParticipant} each. Every method takes the tenant id first: another tenant's account is
 * unknown.
 */
public final class PersonalData {

    /** Sections present in every export even without participants, so the export's shape does not vary. */
    static final List<String> STANDARD_SECTIONS = List.of("generations", "transactions");

    private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);

    private final TenantScope scope;
    private final Accounts accounts;
    private final ExternalSignIns identities;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final Consents consents;
    private final List<PersonalDataParticipant> participants;

    /**
     * @param participants modules keeping personal data elsewhere, each with its own {@link
     *     PersonalDataParticipant#section()}
     * @throws IllegalArgumentException if two participants claim one section, or one claims a section of the account
     *     tables
     */
    public PersonalData(TenantScope scope, Accounts accounts, ExternalSignIns identities, Sessions sessions,
            ApiTokens tokens, Consents consents, List<PersonalDataParticipant> participants) {
        this.scope = scope;
        this.accounts = accounts;
        this.identities = identities;
        this.sessions = sessions;
        this.tokens = tokens;
        this.consents = consents;
        this.participants = List.copyOf(participants);
        Set<String> sections = new HashSet<>(List.of("exported_at", "profile", "sign_in_methods", "sessions",
                "api_tokens", "consents"));
        for (PersonalDataParticipant participant : this.participants) {
            if (!sections.add(participant.section())) {
                throw new IllegalArgumentException("Two parts of the personal data export are called "
                        + participant.section());
            }
        }
    }

    /**
     * Everything stored about the account, in a stable order, as plain maps, lists, strings, booleans and nulls that
     * Jackson writes as is (timestamps are ISO-8601 strings): {@code exported_at}, {@code profile},
     * {@code sign_in_methods}, {@code sessions}, {@code api_tokens}, {@code consents}, then each participant's section.
     * {@code generations} and {@code transactions} are always present, as empty lists when no module fills them.
     * Secrets (password hash, token hashes) are left out: they are not information about the person, and would help
     * anyone who intercepts the export.
     *
     * @return the export, or empty if the tenant has no such account
     */
    public Optional<Map<String, Object>> export(String tenantId, String accountId) {
        Optional<Account> found = accountId == null ? Optional.empty() : accounts.find(tenantId, accountId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exported_at", accounts.clock().instant().toString());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", account.id());
        profile.put("email", account.email());
        profile.put("display_name", account.displayName());
        profile.put("email_verified", account.emailVerified());
        profile.put("created_at", text(account.createdAt()));
        export.put("profile", profile);

        Map<String, Object> signIn = new LinkedHashMap<>();
        signIn.put("password", account.hasPassword());
        List<Object> linked = new ArrayList<>();
        for (Identity identity : identities.identities(tenantId, accountId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("provider", identity.provider());
            item.put("email", identity.email());
            item.put("linked_at", text(identity.createdAt()));
            linked.add(item);
        }
        signIn.put("identities", linked);
        export.put("sign_in_methods", signIn);

        List<Object> sessionList = new ArrayList<>();
        for (SessionInfo session : sessions.everyStored(tenantId, accountId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("created_at", text(session.createdAt()));
            item.put("last_seen_at", text(session.lastSeenAt()));
            item.put("user_agent", session.userAgent());
            item.put("ip", session.ip());
            sessionList.add(item);
        }
        export.put("sessions", sessionList);

        List<Object> tokenList = new ArrayList<>();
        for (ApiTokenInfo token : tokens.everyStored(tenantId, accountId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", token.name());
            item.put("prefix", token.prefix());
            item.put("created_at", text(token.createdAt()));
            item.put("last_used_at", text(token.lastUsedAt()));
            item.put("revoked_at", text(token.revokedAt()));
            tokenList.add(item);
        }
        export.put("api_tokens", tokenList);

        List<Object> consentList = new ArrayList<>();
        for (Consent consent : consents.list(tenantId, accountId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("document", consent.document());
            item.put("version", consent.version());
            item.put("accepted_at", text(consent.acceptedAt()));
            consentList.add(item);
        }
        export.put("consents", consentList);

        for (String section : STANDARD_SECTIONS) {
            export.put(section, List.of());
        }
        for (PersonalDataParticipant participant : participants) {
            export.put(participant.section(), participant.export(tenantId, accountId));
        }
        LOG.info("Personal data of account {} in tenant {} exported", accountId, tenantId);
        return Optional.of(export);
    }

    /**
     * Erases the account: each participant erases (or anonymizes) its data first, then the account row is deleted,
     * and the database deletes what hangs off it (mailed tokens, sessions, API tokens, identities, consents). Not one
     * transaction across modules: if a participant fails, the account is kept and the erasure can simply be retried.
     *
     * @return the account as it was, so the caller can mail the goodbye to its address; empty if the tenant has no
     *     such account
     */
    public Optional<Account> erase(String tenantId, String accountId) {
        Optional<Account> found = accountId == null ? Optional.empty() : accounts.find(tenantId, accountId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        for (PersonalDataParticipant participant : participants) {
            participant.erase(tenantId, accountId);
        }
        boolean deleted = scope.write(tenantId, em -> {
            AccountEntity row = em.find(AccountEntity.class, accountId);
            if (row == null) {
                return false;
            }
            em.remove(row);
            return true;
        });
        if (!deleted) {
            return Optional.empty();
        }
        LOG.info("Account {} in tenant {} erased", accountId, tenantId);
        return found;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
