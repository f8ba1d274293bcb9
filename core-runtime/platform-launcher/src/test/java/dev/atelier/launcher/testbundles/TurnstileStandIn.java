package dev.atelier.launcher.testbundles;

import dev.atelier.launcher.testkinds.BotProtection;
import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.SettingsSchema;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** A bot-protection plugin {@code turnstile} that only describes itself: Cloudflare Turnstile sees requests. */
public final class TurnstileStandIn implements BotProtection {

    @Override
    public PluginDescription description() {
        return new PluginDescription(SettingsSchema.NONE, List.of(new DataProcessorDisclosure("Cloudflare, Inc.",
                "Cloudflare Turnstile", Set.of(DataCategory.TECHNICAL_DATA),
                "Tells people from automated abuse on sign-up and sign-in", "United States",
                URI.create("https://www.cloudflare.com/privacypolicy/"))));
    }
}
