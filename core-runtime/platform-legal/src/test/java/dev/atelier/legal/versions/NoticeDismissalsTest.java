package dev.atelier.legal.versions;

import static dev.atelier.legal.versions.LegalFixture.ALPHA;
import static dev.atelier.legal.versions.LegalFixture.BETA;
import static dev.atelier.legal.versions.LegalFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.accounts.Account;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closed notice banners in the person's data export, and only theirs. */
@ExtendWith(LegalFixture.Extension.class)
class NoticeDismissalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportsTheBannersThePersonClosedAndNoOneElses(LegalFixture fixture) throws Exception {
        fixture.legal.versions().publish(ALPHA, draft("privacy", "one"), LocalDate.parse("2026-03-01"),
                NoticeMode.NOTIFY, "owner");
        Account ada = fixture.account(ALPHA, "ada@example.com");
        Account bob = fixture.account(ALPHA, "bob@example.com");
        fixture.legal.acceptances().dismiss(ALPHA, ada.id(), "privacy", 1);
        fixture.legal.acceptances().dismiss(ALPHA, bob.id(), "privacy", 1);
        NoticeDismissals dismissals = new NoticeDismissals(fixture.database.dataSource());

        JsonNode exported = export(dismissals, ALPHA, ada.id());

        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).get("document").asText()).isEqualTo("privacy");
        assertThat(exported.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(exported.get(0).get("dismissed_at").asText()).isEqualTo(fixture.clock.instant().toString());
        assertThat(export(dismissals, BETA, ada.id())).isEmpty();
    }

    private static JsonNode export(NoticeDismissals dismissals, String tenant, String account) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            dismissals.export(tenant, account, json);
        }
        return JSON.readTree(out.toString());
    }
}
