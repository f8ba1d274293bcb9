package dev.atelier.core.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.db.DatabaseStartException;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PendingDataSourceTest {

    @Test
    void aCallerWaitingForConnectionsGetsThemOnceThePoolIsBound() throws Exception {
        PendingDataSource pending = new PendingDataSource();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = pending.getConnection()) {
                return connection.isValid(3);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting).isNotDone();

        try (TestDatabase database = TestPostgres.create()) {
            PGSimpleDataSource pool = new PGSimpleDataSource();
            pool.setUrl(database.url());
            pool.setUser(database.user());
            pool.setPassword(database.password());
            pending.bind(pool);

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pending.unwrap(PGSimpleDataSource.class)).isSameAs(pool);
        }
    }

    @Test
    void aStartThatFailedFailsItsWaitingCallersWithItsReason() {
        PendingDataSource pending = new PendingDataSource();
        pending.fail(new DatabaseStartException("Port 5999 for the embedded PostgreSQL is in use."));

        assertThatThrownBy(pending::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("The database did not start: Port 5999")
                .hasCauseInstanceOf(DatabaseStartException.class);
    }
}
