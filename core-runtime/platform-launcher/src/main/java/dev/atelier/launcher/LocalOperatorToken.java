package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.accounts.operators.OperatorTokens;
import dev.atelier.core.secrets.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * On the {@code local} profile, an operator token kept in {@code <data-dir>/operator-token} (owner-only) so a developer
 * can open the operator console right after {@code ./dev start}. Other profiles never make one: operators create
 * theirs with {@code bin/atelier operators tokens create}.
 */
final class LocalOperatorToken {

    static final String FILE = "operator-token";

    private LocalOperatorToken() {}

    static Optional<String> ensure(AtelierConfig config, OperatorTokens tokens) throws IOException {
        if (!"local".equals(config.profile())) {
            return Optional.empty();
        }
        Path file = config.path(Keys.DATA_DIR).resolve(FILE);
        if (Files.isRegularFile(file)) {
            String saved = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (tokens.authenticate(saved).isPresent()) {
                return Optional.of(saved);
            }
        }
        String token = tokens.create("local development").token();
        OwnerOnlyFile.write(file, token + "\n");
        return Optional.of(token);
    }
}
