package dev.atelier.core.tenants;

import java.util.Map;
import java.util.Set;

/**
 * A tenant admin's new settings for one plugin the tenant binds, as the admin plugin form submits them. Which keys are
 * secret is the plugin's schema's say: a secret is only ever passed in {@code secrets} or {@code clearedSecrets}.
 *
 * @param section where tenant.yaml names the plugin: {@code storage}, {@code payment}, {@code bot_protection} or
 *     {@code models}
 * @param pluginId the plugin id (or model id) named there
 * @param values settings that are not secret, key to text; a blank text removes the setting so its default applies;
 *     keys not given stay as they are
 * @param secrets secret settings to replace, key to the new clear value; a blank value keeps the stored one, and so
 *     does leaving the key out
 * @param clearedSecrets secret settings to remove
 */
public record PluginSettingsUpdate(
        String section, String pluginId, Map<String, String> values, Map<String, String> secrets,
        Set<String> clearedSecrets) {

    public PluginSettingsUpdate {
        values = Map.copyOf(values);
        secrets = Map.copyOf(secrets);
        clearedSecrets = Set.copyOf(clearedSecrets);
    }

    // Secret values stay out of logs and exception messages that print the record.
    @Override
    public String toString() {
        return "PluginSettingsUpdate[" + section + " " + pluginId + ", values " + values.keySet() + ", new secrets "
                + secrets.keySet() + ", cleared " + clearedSecrets + "]";
    }
}
