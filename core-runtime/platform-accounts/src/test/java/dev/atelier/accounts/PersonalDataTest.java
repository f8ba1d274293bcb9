package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consents, and a person's copy and erasure of everything stored about their account. */
@ExtendWith(AccountsFixture.Extension.class)
class PersonalDataTest {

    private AccountsFixture fixture;
    private ExternalSignIns external;
    private Sessions sessions;
    private ApiTokens tokens;
    private Consents consents;
    private Account ada;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        external = new ExternalSignIns(fixture.scope, fixture.clock);
        sessions = new Sessions(fixture.scope, fixture.clock, Duration.ofDays(1), Duration.ofDays(30));
        tokens = new ApiTokens(fixture.scope, fixture.clock);
        consents = new Consents(fixture.scope, fixture.clock);
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");
        fixture.accounts.verifyEmail(ALPHA, signUp.verificationToken());
        ada = external.signIn(ALPHA, "google", "sub-1", "ada@example.com", true, "Ada").account();
    }

    private PersonalData personalData(List<PersonalDataParticipant> participants) {
        return new PersonalData(fixture.scope, fixture.accounts, external, sessions, tokens, consents, participants);
    }

    /** A participant with the section {@code generations}, as the generation module adds one. */
    private static PersonalDataParticipant generations(Section export, BiConsumer<String, String> erase) {
        return new PersonalDataParticipant() {
            @Override
            public String section() {
                return "generations";
            }

            @Override
            public void export(String tenantId, String accountId, JsonGenerator json) throws IOException {
                export.write(json);
            }

            @Override
            public void erase(String tenantId, String accountId) {
                erase.accept(tenantId, accountId);
            }
        };
    }

    /** What a participant writes as its section of the export. */
    private interface Section {
        void write(JsonGenerator json) throws IOException;
    }

    @Test
    void consentsAreKeptAsAHistoryPerAccountAndTenant() {
        assertThat(consents.record(ALPHA, ada.id(), "terms", "1", "203.0.113.7")).isTrue();
        fixture.clock.advance(Duration.ofDays(30));
        assertThat(consents.record(ALPHA, ada.id(), "terms", "2", "203.0.113.8")).isTrue();

        assertThat(consents.list(ALPHA, ada.id())).extracting(Consent::version).containsExactly("1", "2");
        assertThat(consents.list(ALPHA, ada.id()).get(1).acceptedAt()).isEqualTo(fixture.clock.instant());
        assertThat(consents.list(ALPHA, ada.id()).get(1).ip()).isEqualTo("203.0.113.8");
        assertThat(consents.list(BETA, ada.id())).isEmpty();
    }

    @Test
    void aVersionIsAcceptedOnceAndKeepsItsFirstTime() {
        Instant first = fixture.clock.instant();
        assertThat(consents.record(ALPHA, ada.id(), "terms", "1", "203.0.113.7")).isTrue();
        fixture.clock.advance(Duration.ofMinutes(5));

        assertThat(consents.record(ALPHA, ada.id(), "terms", "1", "198.51.100.1")).isFalse();

        assertThat(consents.list(ALPHA, ada.id())).singleElement()
                .satisfies(c -> assertThat(c.acceptedAt()).isEqualTo(first))
                .satisfies(c -> assertThat(c.ip()).isEqualTo("203.0.113.7"));
    }

    private static Map<String, Object> exported(PersonalData data, String tenantId, String accountId)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        data.export(tenantId, accountId).orElseThrow().writeTo(out);
        return new ObjectMapper().readValue(out.toByteArray(), new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportHoldsProfileSignInMethodsSessionsTokensAndConsentsButNoSecrets() throws IOException {
        NewSession session = sessions.start(ALPHA, ada.id(), "Firefox", "203.0.113.7");
        NewApiToken token = tokens.create(ALPHA, ada.id(), "backup");
        tokens.revoke(ALPHA, ada.id(), tokens.create(ALPHA, ada.id(), "old").info().id());
        consents.record(ALPHA, ada.id(), "privacy", "3", "203.0.113.7");

        Map<String, Object> export = exported(personalData(List.of()), ALPHA, ada.id());

        assertThat(export.keySet()).containsExactly("exported_at", "profile", "sign_in_methods", "sessions",
                "api_tokens", "consents", "generations", "transactions");
        assertThat(export.get("exported_at")).isEqualTo(fixture.clock.instant().toString());
        assertThat((Map<String, Object>) export.get("profile")).containsEntry("id", ada.id())
                .containsEntry("email", "ada@example.com").containsEntry("display_name", "Ada")
                .containsEntry("email_verified", true).containsEntry("created_at", ada.createdAt().toString());
        Map<String, Object> signIn = (Map<String, Object>) export.get("sign_in_methods");
        assertThat(signIn).containsEntry("password", true);
        assertThat((List<Map<String, Object>>) signIn.get("identities")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("provider", "google"));
        assertThat((List<Map<String, Object>>) export.get("sessions")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("user_agent", "Firefox").containsEntry("ip",
                        "203.0.113.7"));
        assertThat((List<Map<String, Object>>) export.get("api_tokens")).hasSize(2)
                .anySatisfy(t -> assertThat(t).containsEntry("name", "backup").containsEntry("revoked_at", null))
                .anySatisfy(t -> assertThat(t).containsEntry("name", "old").doesNotContainEntry("revoked_at", null));
        assertThat((List<Map<String, Object>>) export.get("consents")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("document", "privacy").containsEntry("version", "3")
                        .containsEntry("ip", "203.0.113.7"));
        assertThat(export.get("generations")).isEqualTo(List.of());
        assertThat(export.toString()).doesNotContain(token.token()).doesNotContain(session.cookieValue())
                .doesNotContain("argon2");
    }

    @Test
    void participantsAddTheirSectionsAndEraseFirst() throws IOException {
        List<String> calls = new ArrayList<>();
        PersonalDataParticipant generations = generations(
                json -> json.writeObject(List.of(Map.of("prompt", "a lighthouse"))),
                (tenantId, accountId) -> calls.add("erase " + tenantId + " " + accountId + " exists="
                        + fixture.accounts.find(tenantId, accountId).isPresent()));
        PersonalData data = personalData(List.of(generations));

        assertThat(exported(data, ALPHA, ada.id()).get("generations"))
                .isEqualTo(List.of(Map.of("prompt", "a lighthouse")));
        data.erase(ALPHA, ada.id());

        assertThat(calls).containsExactly("erase " + ALPHA + " " + ada.id() + " exists=true");
    }

    @Test
    void theExportReachesTheOutputWhileParticipantsAreStillWritingIt() throws IOException {
        List<Integer> bytesOutWhileWriting = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PersonalDataParticipant longHistory = generations(json -> {
            json.writeStartArray();
            for (int page = 0; page < 5; page++) {
                for (int i = 0; i < 100; i++) {
                    json.writeObject(Map.of("prompt", "page " + page + " item " + i));
                }
                json.flush();
                bytesOutWhileWriting.add(out.size());
            }
            json.writeEndArray();
        }, (tenantId, accountId) -> {});

        personalData(List.of(longHistory)).export(ALPHA, ada.id()).orElseThrow().writeTo(out);

        assertThat(bytesOutWhileWriting).as("each page is in the output before the next is read").isSorted()
                .doesNotHaveDuplicates().allMatch(size -> size > 0);
        assertThat(new ObjectMapper().readTree(out.toByteArray()).get("generations")).hasSize(500);
    }

    @Test
    void erasureDeletesTheAccountAndEverythingHangingOffIt() {
        sessions.start(ALPHA, ada.id(), "Firefox", "203.0.113.7");
        tokens.create(ALPHA, ada.id(), "backup");
        consents.record(ALPHA, ada.id(), "terms", "1", null);
        fixture.accounts.requestPasswordReset(ALPHA, "ada@example.com");

        Account erased = personalData(List.of()).erase(ALPHA, ada.id()).orElseThrow();

        assertThat(erased.email()).isEqualTo("ada@example.com");
        assertThat(fixture.accounts.find(ALPHA, ada.id())).isEmpty();
        for (String table : List.of("account", "account_token", "account_session", "api_token", "account_identity",
                "account_consent")) {
            assertThat(fixture.sql.column("SELECT count(*) FROM " + table)).as(table).containsExactly("0");
        }
        assertThat(external.signIn(ALPHA, "google", "sub-1", "ada@example.com", true, "Ada").outcome())
                .isEqualTo(ExternalSignIn.Outcome.CREATED);
    }

    @Test
    void anotherTenantCanNeitherExportNorEraseTheAccount() {
        PersonalData data = personalData(List.of());

        assertThat(data.export(BETA, ada.id())).isEmpty();
        assertThat(data.erase(BETA, ada.id())).isEmpty();
        assertThat(data.export(ALPHA, "acc_unknown")).isEmpty();

        assertThat(fixture.accounts.find(ALPHA, ada.id())).isPresent();
    }
}
