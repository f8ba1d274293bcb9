package dev.atelier.legal.versions;

import static dev.atelier.legal.versions.LegalFixture.ALPHA;
import static dev.atelier.legal.versions.LegalFixture.BETA;
import static dev.atelier.legal.versions.LegalFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.Consent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Acceptances recorded once per version, and what each account must accept or be told. */
@ExtendWith(LegalFixture.Extension.class)
class AcceptancesTest {

    private static final LocalDate MARCH = LocalDate.parse("2026-03-01");

    private LegalFixture fixture;
    private LegalVersions versions;
    private Acceptances acceptances;
    private Account ada;

    @BeforeEach
    void start(LegalFixture fixture) {
        this.fixture = fixture;
        versions = fixture.legal.versions();
        acceptances = fixture.legal.acceptances();
        ada = fixture.account(ALPHA, "ada@example.com");
    }

    @Test
    void aVersionIsAcceptedOnceHoweverOftenItIsSent() {
        versions.publish(ALPHA, draft("terms", "one"), MARCH, NoticeMode.REQUIRE, "owner");

        assertThat(acceptances.accept(ALPHA, ada.id(), "terms", 1, "203.0.113.7")).isTrue();
        assertThat(acceptances.accept(ALPHA, ada.id(), "terms", 1, "198.51.100.9")).isFalse();

        assertThat(fixture.consents.list(ALPHA, ada.id())).singleElement().satisfies(consent -> {
            assertThat(consent.version()).isEqualTo("1");
            assertThat(consent.ip()).isEqualTo("203.0.113.7");
            assertThat(consent.acceptedAt()).isEqualTo(fixture.clock.instant());
        });
    }

    @Test
    void concurrentAcceptancesOfOneVersionRecordOne() throws Exception {
        versions.publish(ALPHA, draft("terms", "one"), MARCH, NoticeMode.REQUIRE, "owner");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> accepts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                accepts.add(() -> acceptances.accept(ALPHA, ada.id(), "terms", 1, "203.0.113.7"));
            }
            List<Boolean> recorded = new ArrayList<>();
            for (Future<Boolean> result : pool.invokeAll(accepts)) {
                recorded.add(result.get());
            }
            assertThat(recorded).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.consents.list(ALPHA, ada.id())).hasSize(1);
    }

    @Test
    void aVersionOfAnotherTenantOrNoneCannotBeAccepted() {
        versions.publish(BETA, draft("terms", "beta"), MARCH, NoticeMode.REQUIRE, "owner");

        assertThatThrownBy(() -> acceptances.accept(ALPHA, ada.id(), "terms", 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fixture.consents.list(ALPHA, ada.id())).isEmpty();
    }

    @Test
    void requireModeAsksEveryoneWhoHasNotAcceptedItUntilTheyDo() {
        versions.publish(ALPHA, draft("terms", "one"), MARCH, NoticeMode.NOTIFY, "owner");
        acceptances.accept(ALPHA, ada.id(), "terms", 1, null);
        assertThat(acceptances.mustAccept(ALPHA, ada.id())).isEmpty();

        versions.publish(ALPHA, draft("terms", "two"), MARCH, NoticeMode.REQUIRE, "owner");
        assertThat(acceptances.mustAccept(ALPHA, ada.id())).extracting(LegalVersionInfo::number).containsExactly(2);
        assertThat(acceptances.announcements(ALPHA, ada.id())).as("the accept page asks; no banner too").isEmpty();

        // A later notify version does not lift the requirement: accepting the current one does.
        versions.publish(ALPHA, draft("terms", "three"), MARCH, NoticeMode.NOTIFY, "owner");
        assertThat(acceptances.mustAccept(ALPHA, ada.id())).extracting(LegalVersionInfo::number).containsExactly(3);
        acceptances.accept(ALPHA, ada.id(), "terms", 3, "203.0.113.7");
        assertThat(acceptances.mustAccept(ALPHA, ada.id())).isEmpty();
        assertThat(acceptances.announcements(ALPHA, ada.id())).isEmpty();
    }

    @Test
    void notifyModeShowsABannerUntilDismissed() {
        Account bob = fixture.account(ALPHA, "bob@example.com");
        fixture.clock.advance(Duration.ofMinutes(1));
        versions.publish(ALPHA, draft("privacy", "one"), MARCH, NoticeMode.NOTIFY, "owner");
        fixture.clock.advance(Duration.ofMinutes(1));
        Account carol = fixture.account(ALPHA, "carol@example.com");

        assertThat(acceptances.announcements(ALPHA, ada.id())).extracting(LegalVersionInfo::number).containsExactly(1);
        acceptances.dismiss(ALPHA, ada.id(), "privacy", 1);
        acceptances.dismiss(ALPHA, ada.id(), "privacy", 1);
        acceptances.dismiss(ALPHA, ada.id(), "privacy", 7);

        assertThat(acceptances.announcements(ALPHA, ada.id())).isEmpty();
        assertThat(acceptances.announcements(ALPHA, bob.id())).hasSize(1);
        assertThat(acceptances.announcements(ALPHA, carol.id())).as("signed up after it: nothing changed for her")
                .isEmpty();
        assertThat(acceptances.mustAccept(ALPHA, ada.id())).isEmpty();
        assertThat(fixture.consents.list(ALPHA, ada.id())).as("dismissing is not accepting").isEmpty();

        versions.publish(ALPHA, draft("privacy", "two"), MARCH, NoticeMode.NOTIFY, "owner");
        assertThat(acceptances.announcements(ALPHA, ada.id())).extracting(LegalVersionInfo::number).containsExactly(2);
    }

    @Test
    void signingUpAcceptsTheCurrentVersionsOrWhatThePageShowedBeforeAnyWasPublished() {
        versions.publish(ALPHA, draft("terms", "one"), MARCH, NoticeMode.REQUIRE, "owner");
        versions.publish(ALPHA, draft("terms", "two"), MARCH, NoticeMode.REQUIRE, "owner");

        acceptances.signedUp(ALPHA, ada.id(), "203.0.113.7", "2026-02-01T00:00:00Z");

        assertThat(fixture.consents.list(ALPHA, ada.id())).extracting(Consent::document, Consent::version,
                Consent::ip).containsExactlyInAnyOrder(
                tuple("terms", "2", "203.0.113.7"),
                tuple("privacy", "2026-02-01T00:00:00Z", "203.0.113.7"));
        assertThat(acceptances.mustAccept(ALPHA, ada.id())).isEmpty();
        assertThat(acceptances.announcements(ALPHA, ada.id())).isEmpty();
    }
}
