package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import dev.atelier.core.secrets.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The cluster's {@code pg_hba.conf}. Clusters made before passwords were required let every local connection in
 * ({@code trust}); this finds such rules and turns them into password ({@code scram-sha-256}) rules.
 */
final class HostBasedAuthentication {

    static final String FILE = "pg_hba.conf";
    // A rule line (not a comment) whose method is trust; group 1 is what precedes it, group 2 what follows.
    private static final Pattern TRUST_RULE = Pattern.compile(
            "(?m)^(\\s*(?:local|host|hostssl|hostnossl|hostgssenc|hostnogssenc)\\s.*\\s)trust(\\s*(?:#.*)?)$");

    private final Path file;

    HostBasedAuthentication(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** Whether any rule lets a connection in without a password. */
    boolean trustsAnyone() {
        return TRUST_RULE.matcher(read()).find();
    }

    /** Rewrites every {@code trust} rule to {@code scram-sha-256}; the server applies it on its next reload. */
    void requirePasswords() {
        String rewritten = TRUST_RULE.matcher(read()).replaceAll("$1scram-sha-256$2");
        try {
            OwnerOnlyFile.write(file, rewritten);
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot rewrite " + file + " to require passwords: " + e
                    + ". Check that the data folder is writable.", e);
        }
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatabaseStartException("Cannot read " + file + ": " + e + ". Is this a PostgreSQL cluster?", e);
        }
    }
}
