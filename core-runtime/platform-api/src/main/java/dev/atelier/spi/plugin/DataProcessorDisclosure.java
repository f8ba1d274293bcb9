package dev.atelier.spi.plugin;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One processor outside the platform that receives personal data through a plugin, as a privacy policy names it.
 *
 * @param processor the legal entity that processes the data, for example {@code "Replicate, Inc."}
 * @param displayName the service as users know it, for example {@code "Replicate"}; a tenant may replace it (see
 *     {@link PluginDescription#disclosuresFor})
 * @param categories what personal data it receives; never empty; iterated in {@link DataCategory}'s order
 * @param purpose why, in one sentence a user understands, for example {@code "Generates images from prompts"}
 * @param location where the data is processed: a country or region, for example {@code "United States"}
 * @param privacyPolicy the processor's own privacy policy, or {@code null} when it has none to link to
 */
public record DataProcessorDisclosure(
        String processor, String displayName, Set<DataCategory> categories, String purpose, String location,
        URI privacyPolicy) {

    public DataProcessorDisclosure {
        requireText(processor, "processor");
        requireText(displayName, "displayName");
        requireText(purpose, "purpose");
        requireText(location, "location");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a disclosure names at least one category of personal data");
        }
        // In the enum's order, so a policy lists categories the same way whatever order the plugin wrote them in.
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** This disclosure with another display name and location where they are not {@code null}. */
    public DataProcessorDisclosure overriddenBy(String newDisplayName, String newLocation) {
        return new DataProcessorDisclosure(processor, newDisplayName != null ? newDisplayName : displayName,
                categories, purpose, newLocation != null ? newLocation : location, privacyPolicy);
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
