package dev.atelier.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgresExtension.class)
class TestPostgresExtensionTest {

    @Test
    void testParametersReceiveAWorkingDatabase(TestDatabase database) throws SQLException {
        try (Connection connection = TestPostgresTest.connect(database)) {
            assertThat(connection.getCatalog()).isEqualTo(database.name());
        }
    }
}
