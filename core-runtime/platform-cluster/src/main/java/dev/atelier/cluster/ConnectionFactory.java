package dev.atelier.cluster;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new database connection of the caller's own, outside any pool; the caller closes it. */
@FunctionalInterface
public interface ConnectionFactory {

    Connection open() throws SQLException;
}
