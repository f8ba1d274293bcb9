package dev.atelier.launcher;

import com.microsoft.playwright.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for a test class, started before its tests and closed after them, with {@link #SHOTS}
 * created for their screenshots: {@code @RegisterExtension static final ChromiumExtension chromium = new
 * ChromiumExtension();}.
 */
public final class ChromiumExtension implements BeforeAllCallback, AfterAllCallback {

    /** Where browser tests leave their screenshots, for people to look at. */
    public static final Path SHOTS = Path.of("target/screenshots");

    private HeadlessChromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium = HeadlessChromium.launch();
        Files.createDirectories(SHOTS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
    }

    public Browser browser() {
        return chromium.browser();
    }
}
