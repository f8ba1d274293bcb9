package dev.atelier.launcher;

import dev.atelier.accounts.operators.OperatorTokenInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code atelier operators tokens list}: one line per operator token, never the token itself. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists operator tokens, newest first: id, name, prefix, created, last used, status.")
final class OperatorTokensListCommand extends InstallationCommand {

    OperatorTokensListCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return OperatorsCommand.withOperatorTokens(this, tokens -> {
            PrintWriter out = spec.commandLine().getOut();
            List<OperatorTokenInfo> all = tokens.list();
            if (all.isEmpty()) {
                out.println("No operator tokens. Create one with `atelier operators tokens create <name>`.");
                return 0;
            }
            int nameWidth = Math.max(4, all.stream().mapToInt(t -> t.name().length()).max().orElse(0));
            String format = "%-36s  %-" + nameWidth + "s  %-10s  %-20s  %-20s  %s%n";
            out.printf(format, "ID", "NAME", "PREFIX", "CREATED", "LAST USED", "STATUS");
            for (OperatorTokenInfo token : all) {
                out.printf(format, token.id(), token.name(), token.prefix(), time(token.createdAt()),
                        time(token.lastUsedAt()), token.revokedAt() == null ? "active"
                                : "revoked " + time(token.revokedAt()));
            }
            return 0;
        });
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
