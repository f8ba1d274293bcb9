package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant read from its folder alone: no database, no secrets in the environment, the profile's overlay merged. */
class FolderTenantTest {

    @TempDir
    Path configs;

    @Test
    void readsTheTenantAndItsTemplatesWithoutItsSecrets() throws IOException {
        Path folder = write("""
                slug: lumen
                name: Lumen
                support_email: help@lumen.example
                payment: {plugin: stripe, config: {secret_key: "${LUMEN_STRIPE_SECRET}"}}
                legal: {product: a film studio, effective_date: 2026-03-01, sections: [privacy_rights]}
                """);
        Files.writeString(folder.resolve("tenant.local.yaml"), "payment: {plugin: sandbox}\n");
        Files.createDirectories(folder.resolve("templates/legal"));
        Files.writeString(folder.resolve("templates/legal/privacy.ftl"), "<@doc.p>hi</@doc.p>");

        FolderTenant production = FolderTenant.read(folder, "production", "localhost");
        FolderTenant local = FolderTenant.read(folder, "local", "localhost");

        assertThat(production.tenant().slug()).isEqualTo("lumen");
        assertThat(production.tenant().hosts()).containsExactly("lumen.localhost");
        assertThat(production.tenant().settings().plugins().get("payment").config())
                .containsEntry("secret_key", "${LUMEN_STRIPE_SECRET}");
        assertThat(local.tenant().settings().plugins().get("payment").plugin()).isEqualTo("sandbox");
        TenantSettings.LegalFacts legal = production.tenant().settings().legal();
        assertThat(legal.product()).isEqualTo("a film studio");
        assertThat(legal.effectiveDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(legal.sections()).containsExactly("privacy_rights");
        assertThat(production.templates()).containsEntry("legal/privacy.ftl", "<@doc.p>hi</@doc.p>");
    }

    @Test
    void refusesAnEffectiveDateThatIsNoDate() throws IOException {
        Path folder = write("""
                slug: lumen
                name: Lumen
                support_email: help@lumen.example
                legal: {effective_date: 8 April 2026, sections: [Rights!]}
                """);

        assertThatThrownBy(() -> FolderTenant.read(folder, "production", "localhost"))
                .isInstanceOf(InvalidTenantConfigException.class)
                .hasMessageContaining("legal.effective_date: must be a date written YYYY-MM-DD")
                .hasMessageContaining("legal.sections[0]: must be a section name");
    }

    private Path write(String yaml) throws IOException {
        Path folder = Files.createDirectories(configs.resolve("lumen"));
        Files.writeString(folder.resolve("tenant.yaml"), yaml);
        return folder;
    }
}
