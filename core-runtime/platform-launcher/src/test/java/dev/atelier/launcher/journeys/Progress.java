package dev.atelier.launcher.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.PlaywrightException;

/** Reads where a progress bar stands, as a person sees it. */
final class Progress {

    private static final String VALUE = """
            bar => {
              const v = bar.getAttribute('aria-valuenow') ?? (bar.hasAttribute('value') ? bar.value : null);
              return v === null ? null : Number(v);
            }""";

    private Progress() {
    }

    /** The value of the first bar (0 to 100), or null when there is none or it is indeterminate. */
    static Double of(Locator bars) {
        try {
            if (bars.count() == 0) {
                return null;
            }
            Object value = bars.first().evaluate(VALUE);
            return value instanceof Number n ? n.doubleValue() : null;
        } catch (PlaywrightException e) {
            // The page was replaced while it was read (a finished creation's page reloads); read the next one.
            return null;
        }
    }
}
