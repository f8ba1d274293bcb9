package dev.atelier.launcher.journeys;

import dev.atelier.launcher.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Browser journeys: one headless Chromium for the test class, and for each test a fresh {@link Journey} (its
 * parameter) whose screenshots go to {@code target/journeys/<name>/}. When a test fails, a screenshot of each of its
 * browsers and what went wrong in them (console errors, failed requests, failed checks) are saved there too; a test
 * that passed still fails if its browsers logged console errors, met script errors or server errors.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final JourneyExtension journeys = new JourneyExtension("new-user-auratuner");
 *
 * @Test
 * void aNewUserGoesFromLandingToDeletingTheirAccount(Journey journey) { … journey.step("landing"); … }
 * }</pre>
 */
public final class JourneyExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {

    /** Where every journey's screenshots and reports go. */
    public static final Path ROOT = Path.of("target/journeys");

    private final String name;
    private HeadlessChromium chromium;
    private Journey journey;

    /** {@code name} names the journey's folder under {@link #ROOT}. */
    public JourneyExtension(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = HeadlessChromium.launch();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Path folder = ROOT.resolve(name);
        emptied(folder);
        journey = new Journey(chromium.browser(), folder);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            journey.saveFailure(context.getExecutionException().get());
        } else {
            journey.finish();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (journey != null) {
            journey.close();
            journey = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Journey.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return journey;
    }

    // A run's screenshots replace the last run's: a stale shot beside fresh ones would mislead whoever looks.
    private static void emptied(Path folder) {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
