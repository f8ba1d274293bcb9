package dev.atelier.legal.versions;

import static dev.atelier.legal.versions.LegalFixture.ALPHA;
import static dev.atelier.legal.versions.LegalFixture.BETA;
import static dev.atelier.legal.versions.LegalFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atelier.legal.LegalDraft;
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

/** Publishing numbers versions, keeps them as published, and diffs any two. */
@ExtendWith(LegalFixture.Extension.class)
class LegalVersionsTest {

    private static final LocalDate MARCH = LocalDate.parse("2026-03-01");

    private LegalFixture fixture;
    private LegalVersions versions;

    @BeforeEach
    void start(LegalFixture fixture) {
        this.fixture = fixture;
        versions = fixture.legal.versions();
    }

    @Test
    void publishingNumbersVersionsOneTwoThreePerTenantAndDocument() {
        assertThat(versions.publish(ALPHA, draft("terms", "first"), MARCH, NoticeMode.NOTIFY, "owner@alpha.example"))
                .isEqualTo(1);
        assertThat(versions.publish(ALPHA, draft("terms", "second"), MARCH, NoticeMode.REQUIRE, "owner@alpha.example"))
                .isEqualTo(2);
        assertThat(versions.publish(ALPHA, draft("privacy", "policy"), MARCH, NoticeMode.NOTIFY, "cli")).isEqualTo(1);
        assertThat(versions.publish(BETA, draft("terms", "beta"), MARCH, NoticeMode.NOTIFY, "cli")).isEqualTo(1);
        fixture.clock.advance(Duration.ofDays(1));
        assertThat(versions.publish(ALPHA, draft("terms", "third"), MARCH.plusDays(14), NoticeMode.NOTIFY, "ops"))
                .isEqualTo(3);

        assertThat(versions.list(ALPHA, "terms")).extracting(LegalVersionInfo::number).containsExactly(3, 2, 1);
        LegalVersionInfo third = versions.list(ALPHA, "terms").get(0);
        assertThat(third.effectiveDate()).isEqualTo(MARCH.plusDays(14));
        assertThat(third.publishedAt()).isEqualTo(fixture.clock.instant());
        assertThat(third.publishedBy()).isEqualTo("ops");
        assertThat(third.disclosureDigest()).isEqualTo("digest-third");
        assertThat(versions.current(ALPHA, "terms").orElseThrow().content()).isEqualTo(draft("terms", "third"));
        assertThat(versions.current(BETA, "terms").orElseThrow().content()).isEqualTo(draft("terms", "beta"));
        assertThat(versions.documents(ALPHA)).containsExactly("privacy", "terms");
        assertThat(fixture.published).extracting(LegalVersionInfo::number).containsExactly(1, 2, 1, 1, 3);
    }

    @Test
    void oldVersionsStayByteForByteAsPublished() {
        LegalDraft first = new LegalDraft("privacy", "tpl ü\r\n", "<p>caf\u00e9 \uD83D\uDE00</p>  ",
                "line one\r\nline two\n\n", "* md\t", "d1");
        versions.publish(ALPHA, first, MARCH, NoticeMode.NOTIFY, "owner@alpha.example");
        versions.publish(ALPHA, draft("privacy", "second"), MARCH, NoticeMode.REQUIRE, "owner@alpha.example");

        LegalVersion stored = versions.version(ALPHA, "privacy", 1).orElseThrow();
        assertThat(stored.content()).isEqualTo(first);
        assertThat(stored.info().mode()).isEqualTo(NoticeMode.NOTIFY);
        assertThat(versions.version(ALPHA, "privacy", 3)).isEmpty();
        assertThat(versions.version(BETA, "privacy", 1)).as("another tenant's version").isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() {
        versions.publish(ALPHA, draft("terms", "first"), MARCH, NoticeMode.NOTIFY, "owner@alpha.example");

        assertThatThrownBy(() -> fixture.sql.execute("UPDATE legal_version SET html = 'changed'"))
                .hasMessageContaining("immutable");
        assertThat(versions.version(ALPHA, "terms", 1).orElseThrow().content().html()).isEqualTo("<p>first</p>");
    }

    @Test
    void concurrentPublishesGetDistinctConsecutiveNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> publishes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String label = "v" + i;
                publishes.add(() -> versions.publish(ALPHA, draft("terms", label), MARCH, NoticeMode.NOTIFY, "x"));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> number : pool.invokeAll(publishes)) {
                numbers.add(number.get());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameFormSentTwiceOrAtOncePublishesOneVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                clicks.add(() -> versions.publish(ALPHA, draft("terms", "clicked"), MARCH, NoticeMode.REQUIRE,
                        "owner@alpha.example", "form-nonce-1"));
            }
            for (Future<Integer> number : pool.invokeAll(clicks)) {
                assertThat(number.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions.publish(ALPHA, draft("terms", "next"), MARCH, NoticeMode.NOTIFY, "a", "form-nonce-2"))
                .isEqualTo(2);
        assertThat(versions.publish(ALPHA, draft("privacy", "other"), MARCH, NoticeMode.NOTIFY, "a", "form-nonce-1"))
                .as("a key counts per document").isEqualTo(1);

        assertThat(versions.list(ALPHA, "terms")).extracting(LegalVersionInfo::number).containsExactly(2, 1);
        assertThat(fixture.published).as("one notice per version").hasSize(3);
    }

    @Test
    void aDraftIsDiffedAgainstTheCurrentVersion() {
        assertThat(versions.diffToDraft(ALPHA, text("Intro\nStorage: local disk.\n"))).isEmpty();
        versions.publish(ALPHA, text("Intro\nStorage: local disk.\n"), MARCH, NoticeMode.NOTIFY, "a");

        VersionDiff diff = versions.diffToDraft(ALPHA, text("Intro\nStorage: Amazon S3.\n")).orElseThrow();

        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isZero();
        assertThat(diff.changes()).extracting(VersionDiff.Line::kind, VersionDiff.Line::text).containsExactly(
                tuple(VersionDiff.Kind.REMOVED, "Storage: local disk."),
                tuple(VersionDiff.Kind.ADDED, "Storage: Amazon S3."));
    }

    @Test
    void theDiffShowsWhatChangedInThePlainText() {
        versions.publish(ALPHA, text("Intro\nWe keep logs for 30 days.\nContact\n"), MARCH, NoticeMode.NOTIFY, "a");
        versions.publish(ALPHA, text("Intro\nWe keep logs for 14 days.\nContact\nNew section\n"), MARCH,
                NoticeMode.NOTIFY, "a");

        VersionDiff diff = versions.diff(ALPHA, "privacy", 1, 2).orElseThrow();

        assertThat(diff.unchanged()).isFalse();
        assertThat(diff.lines()).filteredOn(l -> l.kind() == VersionDiff.Kind.REMOVED)
                .extracting(VersionDiff.Line::text).containsExactly("We keep logs for 30 days.");
        assertThat(diff.lines()).filteredOn(l -> l.kind() == VersionDiff.Kind.ADDED)
                .extracting(VersionDiff.Line::text).containsExactly("We keep logs for 14 days.", "New section");
        assertThat(diff.lines().get(0).kind()).isEqualTo(VersionDiff.Kind.HUNK);
        assertThat(versions.diff(ALPHA, "privacy", 2, 2).orElseThrow().unchanged()).isTrue();
        assertThat(versions.diff(ALPHA, "privacy", 1, 9)).isEmpty();
    }

    @Test
    void refusesDocumentNamesThatCannotBeTheirOwnURLsAndAnonymousPublishers() {
        assertThatThrownBy(() -> versions.publish(ALPHA, draft("../terms", "x"), MARCH, NoticeMode.NOTIFY, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> versions.publish(ALPHA, draft("accept", "x"), MARCH, NoticeMode.NOTIFY, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> versions.publish(ALPHA, draft("terms", "x"), MARCH, NoticeMode.NOTIFY, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(versions.list(ALPHA, "terms")).isEmpty();
        assertThat(versions.current(ALPHA, "../terms")).isEmpty();
    }

    private static LegalDraft text(String text) {
        return new LegalDraft("privacy", "tpl", "<p>html</p>", text, text, "digest");
    }
}
