package dev.atelier.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void eachTestGetsItsOwnEmptyDatabase() throws SQLException {
        try (TestDatabase first = TestPostgres.create(); TestDatabase second = TestPostgres.create()) {
            assertThat(first.name()).isNotEqualTo(second.name()).startsWith("atelier_test_");
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (text varchar)");
            }
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }

    @Test
    void closingDropsTheDatabaseEvenWithConnectionsLeftOpen() throws SQLException {
        TestDatabase database = TestPostgres.create();
        Connection leftOpen = connect(database);

        database.close();

        assertThat(leftOpen.isValid(2)).isFalse();
        assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining(database.name());
    }

    @Test
    void embeddedServerServesWhenNoOtherServerIsAvailable() throws SQLException {
        TestPostgres.Server embedded = TestPostgres.startEmbedded();
        try (Connection connection = embedded.connect()) {
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(17);
        }
    }

    static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
