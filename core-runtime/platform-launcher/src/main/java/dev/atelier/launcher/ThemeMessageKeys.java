package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.core.tenants.MessageKeys;
import dev.atelier.web.theme.ThemeMessages;
import dev.atelier.web.theme.Themes;

/** The message keys of the installation's themes, which tenant folders' {@code messages} are checked against. */
final class ThemeMessageKeys {

    private ThemeMessageKeys() {}

    static MessageKeys of(AtelierConfig config) {
        return MessageKeys.of(new ThemeMessages(new Themes(config.home().resolve("themes"))).keys());
    }
}
