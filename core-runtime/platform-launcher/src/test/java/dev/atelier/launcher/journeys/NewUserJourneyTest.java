package dev.atelier.launcher.journeys;

import dev.atelier.launcher.platform.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journey 1 on AuraTuner, in a real Chromium against the real platform: a newcomer from the landing page to deleting
 * their account (see {@link NewUserFlow}). Screenshots of each step: {@code target/journeys/new-user-auratuner/}.
 */
class NewUserJourneyTest {

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().mail().build();
    @RegisterExtension
    static final JourneyExtension journeys = new JourneyExtension("new-user-auratuner");

    @Test
    void aNewcomerSignsUpBuysCreatesTidiesUpExportsAndLeaves(Journey journey) throws Exception {
        new NewUserFlow(platform, journey, "auratuner", BrandRules.of("auratuner", "marginalia")).walk();
    }
}
