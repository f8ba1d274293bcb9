package dev.atelier.web.mail;

import static dev.atelier.web.mail.MailPalette.MIN_CONTRAST;
import static dev.atelier.web.mail.MailPalette.contrast;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Email colours follow the brand only where every text stays legible on what it is drawn on. */
class MailPaletteTest {

    private static final Map<String, String> AURATUNER = Map.of("primary", "#8b5cf6", "onPrimary", "#ffffff",
            "accent", "#22d3ee", "background", "#0a0914", "surface", "#15132a", "text", "#eeeaff", "muted", "#a29cc8");

    @Test
    void aDarkBrandsEmailIsDrawnOnItsOwnDarkSurfaceWithEveryTextLegible() {
        MailPalette palette = MailPalette.of(AURATUNER);

        assertThat(palette.card()).isEqualTo("#15132a");
        assertThat(palette.text()).isEqualTo("#eeeaff");
        assertLegible(palette);
    }

    @Test
    void lightTextOnALightSurfaceFallsBackToDarkTextOnWhite() {
        MailPalette palette = MailPalette.of(Map.of("surface", "#ffffff", "text", "#eeeaff", "muted", "#f0f0f0",
                "primary", "#fde68a", "onPrimary", "#ffffff"));

        assertThat(palette.card()).isEqualTo("#ffffff");
        assertThat(contrast(palette.text(), "#ffffff")).isGreaterThan(10);
        assertLegible(palette);
    }

    @Test
    void aHeaderTooPaleForItsTextIsShadedInTheBrandsHueUntilLegible() {
        MailPalette palette = MailPalette.of(AURATUNER);

        assertThat(contrast("#ffffff", "#8b5cf6")).isLessThan(MIN_CONTRAST);
        assertThat(palette.header()).isNotEqualTo("#8b5cf6").startsWith("#8");
        assertThat(contrast(palette.onHeader(), palette.header())).isGreaterThanOrEqualTo(MIN_CONTRAST);
    }

    @Test
    void missingOrMalformedColoursGiveTheNeutralPalette() {
        assertLegible(MailPalette.of(Map.of()));
        assertLegible(MailPalette.of(Map.of("text", "white", "surface", "#12")));
        assertLegible(MailPalette.of(null));
    }

    private static void assertLegible(MailPalette palette) {
        assertThat(contrast(palette.text(), palette.card())).as("text").isGreaterThanOrEqualTo(MIN_CONTRAST);
        assertThat(contrast(palette.muted(), palette.card())).as("muted").isGreaterThanOrEqualTo(MIN_CONTRAST);
        assertThat(contrast(palette.link(), palette.card())).as("link").isGreaterThanOrEqualTo(MIN_CONTRAST);
        assertThat(contrast(palette.onHeader(), palette.header())).as("header").isGreaterThanOrEqualTo(MIN_CONTRAST);
    }
}
