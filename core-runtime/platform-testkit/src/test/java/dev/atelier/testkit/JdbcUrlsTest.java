package dev.atelier.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseNameAndKeepsParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true", "t1"))
                .isEqualTo("jdbc:postgresql://db:5432/t1?ssl=true");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/", "t1")).isEqualTo("jdbc:postgresql://db:5432/t1");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db", "t1")).isEqualTo("jdbc:postgresql://db/t1");
        assertThat(JdbcUrls.databaseName("jdbc:postgresql://a:1,b:2/t1?x=y")).isEqualTo("t1");
    }
}
