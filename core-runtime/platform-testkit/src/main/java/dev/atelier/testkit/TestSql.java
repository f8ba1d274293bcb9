package dev.atelier.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain SQL for a test's set-up and assertions, next to the code under test: one statement per call, each on a
 * connection of its own, parameters bound in order. SQL errors surface as {@link IllegalStateException}.
 *
 * <pre>{@code
 * TestSql sql = new TestSql(database.dataSource());
 * assertThat(sql.column("SELECT email FROM account WHERE tenant_id = ?", tenantId)).containsExactly("ada@example.com");
 * }</pre>
 */
public final class TestSql {

    private final DataSource dataSource;

    public TestSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Each row's first column, as text, in the order the query returns them. */
    public List<String> column(String sql, Object... parameters) {
        return query(sql, parameters, rows -> {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    /** The first column of the first row, as a number. */
    public long number(String sql, Object... parameters) {
        return query(sql, parameters, rows -> {
            if (!rows.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rows.getLong(1);
        });
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T query(String sql, Object[] parameters, Rows<T> read) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return read.from(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** Reads what a query returned. */
    private interface Rows<T> {
        T from(ResultSet rows) throws SQLException;
    }
}
