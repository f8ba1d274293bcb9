package dev.atelier.accounts.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.testkit.ManualClock;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operator tokens: shown once, stored hashed, revocable, last use written down at most once a minute. */
@ExtendWith(TestPostgresExtension.class)
class OperatorTokensTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Database database;
    private OperatorTokens tokens;

    @BeforeEach
    void start(TestDatabase testDatabase) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 3));
        tokens = new OperatorTokens(database.entityManagerFactory(), clock);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void aCreatedTokenAuthenticatesAndIsStoredOnlyAsAHash() throws SQLException {
        assertThat(tokens.any()).isFalse();

        NewOperatorToken created = tokens.create(" ops laptop ");

        assertThat(created.token()).matches("atlop_[A-Za-z0-9_-]{43}");
        assertThat(created.toString()).doesNotContain(created.token());
        assertThat(created.info().name()).isEqualTo("ops laptop");
        assertThat(created.info().prefix()).isEqualTo(created.token().substring(0, 10));
        assertThat(tokens.any()).isTrue();
        assertThat(tokens.authenticate(created.token())).hasValueSatisfying(info -> {
            assertThat(info.id()).isEqualTo(created.info().id());
            assertThat(info.lastUsedAt()).isEqualTo(clock.instant());
        });
        assertThat(table()).doesNotContain(created.token()).doesNotContain(created.token().substring(6))
                .contains(created.info().prefix());
    }

    @Test
    void malformedUnknownAndTenantTokensAuthenticateNobody() {
        String token = tokens.create("cli").token();

        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(token + "x")).isEmpty();
        assertThat(tokens.authenticate("atl_" + token.substring(6))).isEmpty();
        assertThat(tokens.authenticate("atlop_" + "A".repeat(43))).isEmpty();
    }

    @Test
    void lastUseIsWrittenDownAtMostOnceAMinute() {
        NewOperatorToken created = tokens.create("cli");
        Instant firstUse = clock.instant();
        tokens.authenticate(created.token());

        clock.advance(Duration.ofSeconds(59));
        tokens.authenticate(created.token());
        assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(firstUse);

        clock.advance(Duration.ofSeconds(1));
        tokens.authenticate(created.token());
        assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aRevokedTokenStopsWorkingAndStaysListed() {
        NewOperatorToken first = tokens.create("first");
        clock.advance(Duration.ofSeconds(1));
        NewOperatorToken second = tokens.create("second");

        assertThat(tokens.revoke(first.info().id())).isTrue();
        assertThat(tokens.revoke("otk_unknown")).isFalse();

        assertThat(tokens.authenticate(first.token())).isEmpty();
        assertThat(tokens.authenticate(second.token())).isPresent();
        assertThat(tokens.list()).extracting(OperatorTokenInfo::name).containsExactly("second", "first");
        assertThat(tokens.list().get(1).revokedAt()).isEqualTo(clock.instant());
        assertThat(tokens.any()).isTrue();
        tokens.revoke(second.info().id());
        assertThat(tokens.any()).isFalse();
    }

    @Test
    void namesMustBePresentShortAndPrintable() {
        assertThatThrownBy(() -> tokens.create(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.create("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.create("x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.list()).isEmpty();
    }

    private String table() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT t::text FROM operator_token t")) {
            while (rows.next()) {
                text.append(rows.getString(1)).append('\n');
            }
        }
        return text.toString();
    }
}
