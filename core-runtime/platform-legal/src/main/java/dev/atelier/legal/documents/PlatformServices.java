package dev.atelier.legal.documents;

import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services outside the platform that the operator runs it on (hosting, database, email delivery, rate limiting,
 * an outside authentication service), as the operator's configuration names them: every tenant on this deployment
 * discloses them. A service the configuration does not name is run by the platform itself and is not disclosed.
 *
 * @param processors in the order {@link #ROLES} lists their roles
 */
public record PlatformServices(List<DisclosedProcessor> processors) {

    /** The roles an operator may name a service for, in the order they are disclosed. */
    public static final List<String> ROLES = List.of("authentication", "hosting", "database", "rate_limiting",
            "email");

    /** Nothing outside the platform: embedded database, mail written to disk, limits counted in process. */
    public static final PlatformServices NONE = new PlatformServices(List.of());

    public PlatformServices {
        processors = List.copyOf(processors);
    }

    /**
     * The services {@code declared} names, by role.
     *
     * @param declared role (one of {@link #ROLES}) to {@code "Name; Legal entity; Location; privacy policy URL"},
     *     where everything after the name may be left out (the entity defaults to the name, the location to "Not
     *     stated"); a blank value names no service
     * @throws IllegalArgumentException for an unknown role or a malformed URL
     */
    public static PlatformServices of(Map<String, String> declared) {
        declared.keySet().stream().filter(role -> !ROLES.contains(role)).findFirst().ifPresent(role -> {
            throw new IllegalArgumentException("no platform service role " + role + "; roles are " + ROLES);
        });
        List<DisclosedProcessor> processors = new ArrayList<>();
        for (String role : ROLES) {
            String value = declared.getOrDefault(role, "");
            if (!value.isBlank()) {
                processors.add(new DisclosedProcessor(role, disclosure(role, value)));
            }
        }
        return new PlatformServices(processors);
    }

    private static DataProcessorDisclosure disclosure(String role, String value) {
        String[] parts = value.split(";", -1);
        String name = parts[0].strip();
        String entity = part(parts, 1, name);
        String location = part(parts, 2, "Not stated");
        String policy = part(parts, 3, "");
        return new DataProcessorDisclosure(entity, name, categories(role), purpose(role), location,
                policy.isEmpty() ? null : URI.create(policy));
    }

    private static String part(String[] parts, int index, String fallback) {
        return parts.length > index && !parts[index].isBlank() ? parts[index].strip() : fallback;
    }

    private static String purpose(String role) {
        return switch (role) {
            case "authentication" -> "Authenticates users and keeps them signed in";
            case "hosting" -> "Hosts and runs the service";
            case "database" -> "Stores accounts, purchases and generation records";
            case "rate_limiting" -> "Counts requests to limit abuse";
            default -> "Delivers the service's emails";
        };
    }

    private static Set<DataCategory> categories(String role) {
        return switch (role) {
            case "authentication" -> EnumSet.of(DataCategory.ACCOUNT_DETAILS, DataCategory.TECHNICAL_DATA);
            case "hosting" -> EnumSet.allOf(DataCategory.class);
            case "database" -> EnumSet.of(DataCategory.PROMPTS, DataCategory.ACCOUNT_DETAILS,
                    DataCategory.PAYMENT_DETAILS, DataCategory.TECHNICAL_DATA);
            case "rate_limiting" -> EnumSet.of(DataCategory.TECHNICAL_DATA);
            default -> EnumSet.of(DataCategory.ACCOUNT_DETAILS);
        };
    }
}
