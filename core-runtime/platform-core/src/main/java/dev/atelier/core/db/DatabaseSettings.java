package dev.atelier.core.db;

import java.nio.file.Path;

/**
 * How to reach the platform's PostgreSQL database.
 *
 * @param url JDBC URL of an external server ({@code jdbc:postgresql://host:5432/atelier}); {@code null} or blank
 *     starts an embedded PostgreSQL instead
 * @param user user for {@code url}; ignored for the embedded server
 * @param password password for {@code url}, may be empty; ignored for the embedded server
 * @param poolSize largest number of pooled connections, at least 1
 * @param embeddedDataDir where the embedded server keeps its data, kept across restarts; required when {@code url}
 *     is null
 * @param embeddedPort port of the embedded server; 0 picks a free port at each start
 * @param embeddedBinariesDir where the embedded server's binaries are unpacked; {@code null}: beside
 *     {@code embeddedDataDir}. One folder shared by the data folders of an installation unpacks them once.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Path embeddedDataDir,
        int embeddedPort, Path embeddedBinariesDir) {

    /** Settings whose embedded server unpacks its binaries beside its data folder. */
    public DatabaseSettings(String url, String user, String password, int poolSize, Path embeddedDataDir,
            int embeddedPort) {
        this(url, user, password, poolSize, embeddedDataDir, embeddedPort, null);
    }

    public DatabaseSettings {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("embeddedPort must be 0..65535, was " + embeddedPort);
        }
        if (url == null && embeddedDataDir == null) {
            throw new IllegalArgumentException("embeddedDataDir is required when no url is given");
        }
    }

    /** An external server at {@code url}. */
    public static DatabaseSettings external(String url, String user, String password, int poolSize) {
        return new DatabaseSettings(url, user, password, poolSize, null, 0);
    }

    /** An embedded server keeping its data in {@code dataDir}, on any free port. */
    public static DatabaseSettings embedded(Path dataDir, int poolSize) {
        return new DatabaseSettings(null, null, null, poolSize, dataDir, 0);
    }

    /** Whether an embedded server is started rather than an external one used. */
    public boolean embedded() {
        return url == null;
    }
}
