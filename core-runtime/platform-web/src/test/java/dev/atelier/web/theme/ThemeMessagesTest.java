package dev.atelier.web.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a tenant's wording is put together from the default bundle, its theme's and its own, and filled in. */
class ThemeMessagesTest {

    @TempDir
    Path root;

    @Test
    void aTenantsTextWinsOverItsThemesWhichWinsOverTheDefault() throws IOException {
        ThemeMessages bundles = bundles();
        Messages press = bundles.forTenant("ink", Map.of("nav.gallery", "Shelf"));

        assertThat(press.text("nav.gallery", List.of())).isEqualTo("Shelf");
        assertThat(press.text("nav.create", List.of())).isEqualTo("Draw");
        assertThat(press.text("nav.pricing", List.of())).isEqualTo("Pricing");
        assertThat(bundles.forTenant(Themes.DEFAULT, Map.of()).text("nav.create", List.of())).isEqualTo("Create");
    }

    @Test
    void aThemeCannotAddKeysTheDefaultLacks() throws IOException {
        ThemeMessages bundles = bundles();

        assertThat(bundles.keys()).containsExactlyInAnyOrder("nav.create", "nav.gallery", "nav.pricing",
                "plan.credits");
        assertThat(bundles.forTenant("ink", Map.of()).has("ink.only")).isFalse();
    }

    @Test
    void placeholdersAreFilledInAndUnknownKeysShowThemselves() throws IOException {
        Messages messages = bundles().forTenant(Themes.DEFAULT, Map.of());

        assertThat(messages.text("plan.credits", List.of("600", "month"))).isEqualTo("600 credits every month");
        assertThat(messages.text("plan.credits", List.of("600"))).isEqualTo("600 credits every {1}");
        assertThat(messages.text("plan.credits", List.of("$1 {1}", "x"))).isEqualTo("$1 {1} credits every x");
        assertThat(messages.text("no.such.key", List.of())).isEqualTo("no.such.key");
    }

    private ThemeMessages bundles() throws IOException {
        write("default/messages.properties", """
                nav.create=Create
                nav.gallery=Gallery
                nav.pricing=Pricing
                plan.credits={0} credits every {1}
                """);
        write("ink/messages.properties", """
                nav.create=Draw
                ink.only=Never shown
                """);
        return new ThemeMessages(new Themes(root));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
