package dev.atelier.launcher.testkinds;

import dev.atelier.spi.plugin.PluginService;

/**
 * A stand-in SPI for bot protection, a plugin kind the platform does not declare yet: tests declare it on the plugin
 * host to show that a tenant's bot-protection plugin, once deployed, is disclosed like every other plugin.
 */
public interface BotProtection extends PluginService {

    /** Service property naming the plugin, as tenant.yaml's {@code bot_protection.plugin} does. */
    String ID = "test.bot-protection.id";
}
