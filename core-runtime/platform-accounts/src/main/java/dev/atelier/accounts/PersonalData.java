package dev.atelier.accounts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.core.tenants.TenantScope;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * Everything stored about the account, in a stable order, as a JSON object written to the output as it is read:
     * {@code exported_at}, {@code profile}, {@code sign_in_methods}, {@code sessions}, {@code api_tokens},
     * {@code consents}, then each participant's section (timestamps are ISO-8601 strings). {@code generations} and
     * {@code transactions} are always present, as empty lists when no module fills them. Participants write their
     * sections page by page, so an account with a long history is never held in memory whole. Secrets (password hash,
     * token hashes) are left out: they are not information about the person, and would help anyone who intercepts the
     * export.
     *
     * @return the export, ready to be written (the account has been found; nothing else is read until then), or
     *     empty if the tenant has no such account
     */
    public Optional<Export> export(String tenantId, String accountId) {
        Optional<Account> found = accountId == null ? Optional.empty() : accounts.find(tenantId, accountId);
        return found.map(account -> out -> write(tenantId, account, out));
    }

    /** A person's data export, written as UTF-8 JSON when asked. */
    @FunctionalInterface
    public interface Export {
        /** Writes the export to {@code out}, which is flushed but left open. */
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(String tenantId, Account account, OutputStream out) throws IOException {
        String accountId = account.id();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("exported_at", accounts.clock().instant().toString());
            json.writeObjectFieldStart("profile");
            json.writeStringField("id", account.id());
            json.writeStringField("email", account.email());
            json.writeStringField("display_name", account.displayName());
            json.writeBooleanField("email_verified", account.emailVerified());
            json.writeStringField("created_at", text(account.createdAt()));
            json.writeEndObject();

            json.writeObjectFieldStart("sign_in_methods");
            json.writeBooleanField("password", account.hasPassword());
            json.writeArrayFieldStart("identities");
            for (Identity identity : identities.identities(tenantId, accountId)) {
                json.writeStartObject();
                json.writeStringField("provider", identity.provider());
                json.writeStringField("email", identity.email());
                json.writeStringField("linked_at", text(identity.createdAt()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();

            json.writeArrayFieldStart("sessions");
            for (SessionInfo session : sessions.everyStored(tenantId, accountId)) {
                json.writeStartObject();
                json.writeStringField("created_at", text(session.createdAt()));
                json.writeStringField("last_seen_at", text(session.lastSeenAt()));
                json.writeStringField("user_agent", session.userAgent());
                json.writeStringField("ip", session.ip());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("api_tokens");
            for (ApiTokenInfo token : tokens.everyStored(tenantId, accountId)) {
                json.writeStartObject();
                json.writeStringField("name", token.name());
                json.writeStringField("prefix", token.prefix());
                json.writeStringField("created_at", text(token.createdAt()));
                json.writeStringField("last_used_at", text(token.lastUsedAt()));
                json.writeStringField("revoked_at", text(token.revokedAt()));
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("consents");
            for (Consent consent : consents.list(tenantId, accountId)) {
                json.writeStartObject();
                json.writeStringField("document", consent.document());
                json.writeStringField("version", consent.version());
                json.writeStringField("accepted_at", text(consent.acceptedAt()));
                json.writeStringField("ip", consent.ip());
                json.writeEndObject();
            }
            json.writeEndArray();

            // The standard sections keep their place whether or not a participant fills them.
            for (String section : STANDARD_SECTIONS) {
                json.writeFieldName(section);
                Optional<PersonalDataParticipant> filler = participant(section);
                if (filler.isPresent()) {
                    filler.get().export(tenantId, accountId, json);
                } else {
                    json.writeStartArray();
                    json.writeEndArray();
                }
            }
            for (PersonalDataParticipant participant : participants) {
                if (!STANDARD_SECTIONS.contains(participant.section())) {
                    json.writeFieldName(participant.section());
                    participant.export(tenantId, accountId, json);
                }
            }
            json.writeEndObject();
        }
        LOG.info("Personal data of account {} in tenant {} exported", accountId, tenantId);
    }

    private Optional<PersonalDataParticipant> participant(String section) {
        return participants.stream().filter(p -> p.section().equals(section)).findFirst();
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
        sessions.accountErased(tenantId, accountId);
        LOG.info("Account {} in tenant {} erased", accountId, tenantId);
        return found;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
