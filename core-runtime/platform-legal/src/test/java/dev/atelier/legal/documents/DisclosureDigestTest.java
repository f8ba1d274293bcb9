package dev.atelier.legal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equal disclosures give equal digests whatever order maps were built in; any change gives another digest. */
class DisclosureDigestTest {

    @Test
    void dependsOnContentNotOnMapOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("tenant", Map.of("name", "AuraTuner"));
        one.put("processors", List.of(Map.of("name", "Stripe", "role", "payment")));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("processors", List.of(Map.of("role", "payment", "name", "Stripe")));
        other.put("tenant", Map.of("name", "AuraTuner"));

        assertThat(DisclosureDigest.of(one)).isEqualTo(DisclosureDigest.of(other)).startsWith("sha256:");
    }

    @Test
    void changesWhenAProcessorChanges() {
        Map<String, Object> stripe = Map.of("processors", List.of(Map.of("name", "Stripe")));
        Map<String, Object> none = Map.of("processors", List.of());
        Map<String, Object> lookalike = Map.of("processors", List.of(Map.of("name", "Stri", "pe", "")));

        assertThat(DisclosureDigest.of(stripe)).isNotEqualTo(DisclosureDigest.of(none))
                .isNotEqualTo(DisclosureDigest.of(lookalike));
    }
}
