package dev.atelier.spi.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The part every plugin service shares, whatever its kind: the SPI interfaces of all kinds extend it, so the host reads
 * a plugin's settings schema and disclosures without knowing which kind it is.
 *
 * <p>Implemented by plugin bundles (through their kind's interface).
 */
@ConsumerType
public interface PluginService {

    /**
     * What this plugin asks tenants to configure and which personal data it hands to whom. Read by the host when it
     * needs it (applying a tenant folder, rendering an admin form or a privacy policy), possibly often: return a
     * constant. Like a model's descriptor it must not change while the service stays registered.
     *
     * @return the description; {@link PluginDescription#NONE} (the default) when the plugin takes no settings and
     *     hands no personal data to anyone outside the platform
     */
    default PluginDescription description() {
        return PluginDescription.NONE;
    }
}
