package dev.atelier.legal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's legal templates: its own over the shipped ones, and nothing outside legal/. */
class LegalTemplatesTest {

    private final LegalTemplates templates = new LegalTemplates(Map.of(
            "legal/privacy.ftl", "own privacy",
            "legal/cookies.ftl", "cookies",
            "legal/_part.ftl", "a part",
            "legal/Bad_Name.ftl", "not a document name",
            "index.ftlh", "a theme page"));

    @Test
    void documentsAreTheShippedOnesAndTheTenantsOwn() {
        assertThat(templates.documents()).containsExactly("cookies", "privacy", "terms");
    }

    @Test
    void theTenantsTemplateWinsAndTheShippedOneFillsIn() {
        assertThat(templates.find("legal/privacy.ftl")).hasValue("own privacy");
        assertThat(templates.find("legal/terms.ftl")).hasValueSatisfying(source ->
                assertThat(source).contains("Terms of Service"));
        assertThat(templates.find("legal/_common.ftl")).isPresent();
    }

    @Test
    void findsNothingOutsideLegalTemplates() {
        assertThat(templates.find("index.ftlh")).isEmpty();
        assertThat(templates.includes().find("legal/../index.ftlh")).isEmpty();
        assertThat(templates.find("legal/missing.ftl")).isEmpty();
        assertThat(templates.find("legal/sub/privacy.ftl")).isEmpty();
    }
}
