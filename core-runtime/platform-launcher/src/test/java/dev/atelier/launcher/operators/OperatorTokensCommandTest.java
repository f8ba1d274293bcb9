package dev.atelier.launcher.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.Main;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code atelier operators tokens create | list | revoke} against a real PostgreSQL database. */
@ExtendWith(TestPostgresExtension.class)
class OperatorTokensCommandTest {

    private static final Pattern TOKEN = Pattern.compile("atlop_[A-Za-z0-9_-]{43}");
    private static final Pattern ID = Pattern.compile("otk_[0-9a-f]{32}");

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void prepare(TestDatabase database) {
        environment.put("ATELIER_DB_URL", database.url());
        environment.put("ATELIER_DB_USER", database.user());
        environment.put("ATELIER_DB_PASSWORD", database.password());
    }

    @Test
    void createPrintsTheTokenOnceAndListNeverShowsIt() {
        Result create = atelier("create", "ops laptop");

        assertThat(create.exitCode()).as(create.err()).isZero();
        Matcher token = TOKEN.matcher(create.out());
        assertThat(token.find()).as(create.out()).isTrue();
        assertThat(create.out()).contains("only time the token is shown");

        Result list = atelier("list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("ops laptop", token.group().substring(0, 10), "active")
                .doesNotContain(token.group());
    }

    @Test
    void listWithoutTokensSaysHowToCreateOne() {
        Result list = atelier("list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("No operator tokens.", "atelier operators tokens create");
    }

    @Test
    void revokeMarksTheTokenRevokedAndUnknownIdsFail() {
        Matcher id = ID.matcher(atelier("create", "ci").out());
        assertThat(id.find()).isTrue();

        Result revoke = atelier("revoke", id.group());
        Result unknown = atelier("revoke", "otk_unknown");

        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Revoked operator token " + id.group());
        assertThat(atelier("list").out()).contains("revoked");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("No operator token \"otk_unknown\"");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result atelier(String... args) {
        List<String> all = new ArrayList<>(List.of("operators", "tokens"));
        all.addAll(List.of(args));
        all.add(3, "--home");
        all.add(4, home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), environment, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
