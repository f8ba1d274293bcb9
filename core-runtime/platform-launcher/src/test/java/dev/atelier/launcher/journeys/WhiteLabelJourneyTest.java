package dev.atelier.launcher.journeys;

import dev.atelier.launcher.platform.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journey 4: journey 1's steps on Marginalia, where every page and every email must show Marginalia's name (and its
 * pages its logo) and nothing of AuraTuner: not its name, hosts or support address, nor its colours (all read from
 * {@code tenant-configs/auratuner/tenant.yaml}). Screenshots: {@code target/journeys/white-label-marginalia/}.
 */
class WhiteLabelJourneyTest {

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().mail().build();
    @RegisterExtension
    static final JourneyExtension journeys = new JourneyExtension("white-label-marginalia");

    @Test
    void marginaliaShowsItsOwnBrandAndNoneOfAuraTunersOnEveryPageAndEmail(Journey journey) throws Exception {
        new NewUserFlow(platform, journey, "marginalia", BrandRules.of("marginalia", "auratuner")).walk();
    }
}
