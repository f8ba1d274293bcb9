package dev.atelier.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @TempDir
    Path home;

    @Test
    void opensWhatItSealedAndNeverRepeatsACiphertext() {
        SecretBox box = SecretBox.fromBase64(KEY);

        String first = box.seal("sk_live_123", "tnt_1/STRIPE");
        String second = box.seal("sk_live_123", "tnt_1/STRIPE");

        assertThat(first).isNotEqualTo(second).doesNotContain("sk_live_123");
        assertThat(box.open(first, "tnt_1/STRIPE")).isEqualTo("sk_live_123");
        assertThat(box.open(second, "tnt_1/STRIPE")).isEqualTo("sk_live_123");
    }

    @Test
    void refusesAValueMovedToAnotherContextOrOpenedWithAnotherKey() {
        SecretBox box = SecretBox.fromBase64(KEY);
        String sealed = box.seal("sk_live_123", "tnt_1/STRIPE");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> box.open(sealed, "tnt_2/STRIPE")).isInstanceOf(SecretKeyException.class);
        assertThatThrownBy(() -> new SecretBox(otherKey).open(sealed, "tnt_1/STRIPE"))
                .isInstanceOf(SecretKeyException.class).hasMessageContaining("atelier.secrets.key");
    }

    @Test
    void fingerprintsAreStableUnderOneKeyAndRevealNothingWithoutIt() {
        SecretBox box = SecretBox.fromBase64(KEY);
        byte[] other = new byte[32];
        other[0] = 1;
        SecretBox otherBox = new SecretBox(other);

        String print = box.fingerprint("hunter2hunter2", "STRIPE");

        assertThat(box.fingerprint("hunter2hunter2", "STRIPE")).isEqualTo(print);
        assertThat(box.fingerprint("hunter2hunter3", "STRIPE")).isNotEqualTo(print);
        assertThat(box.fingerprint("hunter2hunter2", "R2")).isNotEqualTo(print);
        assertThat(otherBox.fingerprint("hunter2hunter2", "STRIPE")).isNotEqualTo(print);
        assertThat(print).matches("[0-9a-f]{64}").doesNotContain("hunter2");
    }

    @Test
    void embeddedDefaultsGenerateAnOwnerOnlyKeyFileOnceAndReuseIt() throws Exception {
        SecretBox first = SecretBox.fromConfig(config(Map.of()));
        String sealed = first.seal("value", "ctx");

        SecretBox second = SecretBox.fromConfig(config(Map.of()));

        Path keyFile = home.resolve("data").resolve(SecretBox.KEY_FILE);
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second.open(sealed, "ctx")).isEqualTo("value");
    }

    @Test
    void anExternalDatabaseWithoutAKeyIsRefusedWithWhatToSet() throws Exception {
        AtelierConfig external = config(Map.of("atelier.db.url", "jdbc:postgresql://db:5432/atelier"));

        assertThatThrownBy(() -> SecretBox.fromConfig(external)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("ATELIER_SECRETS_KEY").hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aConfiguredKeyIsUsed() throws Exception {
        SecretBox configured = SecretBox.fromConfig(config(Map.of("atelier.secrets.key", KEY,
                "atelier.db.url", "jdbc:postgresql://db:5432/atelier")));

        assertThat(SecretBox.fromBase64(KEY).open(configured.seal("v", "c"), "c")).isEqualTo("v");
        assertThat(Files.exists(home.resolve("data").resolve(SecretBox.KEY_FILE))).isFalse();
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldKeySealedAndSealsAnewUnderItsOwnId() {
        SecretBox keyA = SecretBox.fromBase64(KEY);
        String sealedWithA = keyA.seal("sk_live_123", "tnt_1/STRIPE");
        SecretBox keyBWithA = SecretBox.fromBase64(OTHER_KEY, List.of(KEY));
        SecretBox keyBAlone = SecretBox.fromBase64(OTHER_KEY);

        String resealed = keyBWithA.seal(keyBWithA.open(sealedWithA, "tnt_1/STRIPE"), "tnt_1/STRIPE");

        assertThat(sealedWithA).startsWith("v2." + keyA.keyId() + ".");
        assertThat(keyBWithA.sealedWithCurrentKey(sealedWithA)).isFalse();
        assertThat(resealed).startsWith("v2." + keyBAlone.keyId() + ".");
        assertThat(keyBWithA.sealedWithCurrentKey(resealed)).isTrue();
        assertThat(keyBAlone.open(resealed, "tnt_1/STRIPE")).isEqualTo("sk_live_123");
        assertThat(keyA.keyId()).isNotEqualTo(keyBAlone.keyId()).matches("[0-9a-f]{12}").doesNotContain(KEY);
    }

    @Test
    void aValueSealedWithAKeyNotConfiguredIsRefusedNamingItsKeyId() {
        SecretBox keyA = SecretBox.fromBase64(KEY);
        String sealedWithA = keyA.seal("sk_live_123", "tnt_1/STRIPE");
        SecretBox keyB = SecretBox.fromBase64(OTHER_KEY);

        assertThatThrownBy(() -> keyB.open(sealedWithA, "tnt_1/STRIPE")).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("sealed with key id " + keyA.keyId())
                .hasMessageContaining("atelier.secrets.key has id " + keyB.keyId())
                .hasMessageContaining("atelier.secrets.previous-keys")
                .hasMessageNotContaining("sk_live_123");
    }

    @Test
    void valuesSealedBeforeKeyIdsExistedStillOpenWithTheCurrentOrAPreviousKey() {
        String sealedWithA = SecretBox.fromBase64(KEY).seal("sk_live_123", "tnt_1/STRIPE");
        // The earlier format: the same bytes without the "v2.<key id>." prefix.
        String withoutKeyId = sealedWithA.substring(sealedWithA.lastIndexOf('.') + 1);

        assertThat(SecretBox.fromBase64(KEY).open(withoutKeyId, "tnt_1/STRIPE")).isEqualTo("sk_live_123");
        assertThat(SecretBox.fromBase64(OTHER_KEY, List.of(KEY)).open(withoutKeyId, "tnt_1/STRIPE"))
                .isEqualTo("sk_live_123");
        assertThat(SecretBox.fromBase64(OTHER_KEY, List.of(KEY)).sealedWithCurrentKey(withoutKeyId)).isFalse();
        assertThatThrownBy(() -> SecretBox.fromBase64(OTHER_KEY).open(withoutKeyId, "tnt_1/STRIPE"))
                .isInstanceOf(SecretKeyException.class).hasMessageContaining("atelier.secrets.key");
    }

    @Test
    void signaturesMadeWithThePreviousKeyStillVerifyAfterARotationButNotOnceItIsRemoved() {
        String signedWithA = SecretBox.fromBase64(KEY).fingerprint("media/key\n1700000000", "media-link");

        assertThat(SecretBox.fromBase64(OTHER_KEY, List.of(KEY))
                .fingerprintMatches(signedWithA, "media/key\n1700000000", "media-link")).isTrue();
        assertThat(SecretBox.fromBase64(OTHER_KEY, List.of(KEY))
                .fingerprintMatches(signedWithA, "media/key\n1700000001", "media-link")).isFalse();
        assertThat(SecretBox.fromBase64(OTHER_KEY)
                .fingerprintMatches(signedWithA, "media/key\n1700000000", "media-link")).isFalse();
    }

    @Test
    void previousKeysAreReadFromTheConfiguration() throws Exception {
        String sealedWithA = SecretBox.fromBase64(KEY).seal("v", "c");

        SecretBox configured = SecretBox.fromConfig(config(Map.of("atelier.secrets.key", OTHER_KEY,
                "atelier.secrets.previous-keys", KEY + ", " + KEY, "atelier.db.url", "jdbc:postgresql://db/atelier")));

        assertThat(configured.open(sealedWithA, "c")).isEqualTo("v");
        assertThat(configured.keyId()).isEqualTo(SecretBox.fromBase64(OTHER_KEY).keyId());
    }

    private AtelierConfig config(Map<String, String> flags) throws Exception {
        return AtelierConfig.load(ConfigSources.standard(home, Map.of(), flags));
    }
}
