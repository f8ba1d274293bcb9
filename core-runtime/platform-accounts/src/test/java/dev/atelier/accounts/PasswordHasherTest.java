package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordHasherTest {

    @TempDir
    Path home;

    @Test
    void hashesWithArgon2idAndTheConfiguredDefaults() throws Exception {
        PasswordHasher hasher = PasswordHasher.fromConfig(AtelierConfig.load(ConfigSources.standard(home, Map.of(),
                Map.of())));

        String hash = hasher.hash("violet lantern orbit");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("violet lantern orbit", hash)).isTrue();
        assertThat(hasher.verify("violet lantern orbiT", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void takesParametersFromConfiguration() throws Exception {
        PasswordHasher hasher = PasswordHasher.fromConfig(AtelierConfig.load(ConfigSources.standard(home, Map.of(
                "ATELIER_ACCOUNTS_ARGON2_MEMORY_KIB", "4096", "ATELIER_ACCOUNTS_ARGON2_ITERATIONS", "3",
                "ATELIER_ACCOUNTS_ARGON2_PARALLELISM", "2"), Map.of())));

        assertThat(hasher.hash("violet lantern orbit")).startsWith("$argon2id$v=19$m=4096,t=3,p=2$");
    }

    @Test
    void saltsEveryHashSoEqualPasswordsLookDifferent() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

        assertThat(hasher.hash("violet lantern orbit")).isNotEqualTo(hasher.hash("violet lantern orbit"));
    }

    @Test
    void oldHashesStillVerifyButNeedRehashAfterParametersChange() {
        String old = new PasswordHasher(1024, 1, 1).hash("violet lantern orbit");
        PasswordHasher current = new PasswordHasher(2048, 2, 1);

        assertThat(current.verify("violet lantern orbit", old)).isTrue();
        assertThat(current.needsRehash(old)).isTrue();
        assertThat(current.needsRehash(current.hash("violet lantern orbit"))).isFalse();
        assertThat(new PasswordHasher(1024, 1, 2).needsRehash(old)).isTrue();
    }

    @Test
    void missingOrForeignHashesNeverMatch() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

        assertThat(hasher.verify("violet lantern orbit", null)).isFalse();
        assertThat(hasher.verify("violet lantern orbit", "$2a$10$notargon")).isFalse();
        assertThat(hasher.needsRehash("$2a$10$notargon")).isTrue();
    }

    @Test
    void theStandInForAMissingHashCostsOneHashWithTheseParametersAndMatchesNothing() {
        PasswordHasher hasher = new PasswordHasher(1024, 2, 1);

        assertThat(hasher.dummyHash()).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
        assertThat(hasher.needsRehash(hasher.dummyHash())).isFalse();
        assertThat(hasher.verify("violet lantern orbit", hasher.dummyHash())).isFalse();
        assertThat(hasher.verify("", hasher.dummyHash())).isFalse();
        hasher.verifyNothing("violet lantern orbit");
    }

    @Test
    void treatsCompatibilityFormsOfTheSamePasswordAlike() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        String hash = hasher.hash("ﬁne violet lantern"); // starts with the U+FB01 ligature

        assertThat(hasher.verify("fine violet lantern", hash)).isTrue();
    }
}
