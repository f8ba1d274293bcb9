package dev.atelier.testkit;

/**
 * A fresh PostgreSQL database that belongs to one test. Closing it drops the database, ending any connection the test
 * left open.
 *
 * @param url JDBC URL of the database, without credentials
 * @param user user that owns the database
 * @param password password of {@code user}; empty when the server trusts local connections
 */
public record TestDatabase(String url, String user, String password) implements AutoCloseable {

    /** Drops the database. Safe to call more than once. */
    @Override
    public void close() {
        TestPostgres.drop(this);
    }

    /** The database name, the last path segment of {@link #url()}. */
    public String name() {
        return JdbcUrls.databaseName(url);
    }
}
