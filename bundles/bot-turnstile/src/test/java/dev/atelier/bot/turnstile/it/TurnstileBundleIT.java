package dev.atelier.bot.turnstile.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.PLATFORM_API_SYMBOLIC_NAME;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsOnly;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertWiredOnlyTo;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.onlyServiceReference;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.atelier.spi.botprotection.BotProtection;
import dev.atelier.spi.botprotection.ChallengeAnswer;
import dev.atelier.spi.botprotection.Verdict;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import java.net.ServerSocket;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts,
 * imports nothing of its embedded Jackson, registers the bot protection {@code turnstile}, and answers a siteverify
 * nobody listens for as unavailable (the JDK HTTP client works in the container).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TurnstileBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.bot.turnstile";

    @Inject
    private BundleContext context;

    @Inject
    private BotProtection protection;

    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle");
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiAndTheJdkFromTheHost() {
        Bundle bundle = installedBundle(context, SYMBOLIC_NAME);

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.botprotection");
        assertImportsOnly(bundle, "dev.atelier.spi.", "java.", "javax.", "org.w3c.dom", "org.xml.sax");
        assertImportsNone(bundle, "com.fasterxml", "org.osgi.framework");
        assertExportsNothing(bundle);
        assertWiredOnlyTo(bundle, PLATFORM_API_SYMBOLIC_NAME);
        onlyServiceReference(context, BotProtection.class, BotProtection.PROTECTION_ID, "turnstile", SYMBOLIC_NAME);
    }

    @Test
    public void aSiteverifyNobodyListensForIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestTenantContext tenant = TestTenantContext.withConfig(Map.of("site_key", "site", "secret_key", "secret",
                "siteverify_url", "http://127.0.0.1:" + closedPort + "/siteverify", "timeout", "1s"));

        Verdict verdict = protection.verify(new ChallengeAnswer("tok", null, "signup", "test.example"), tenant);

        assertTrue(String.valueOf(verdict), verdict instanceof Verdict.Unavailable);
        assertEquals("cf-turnstile-response", protection.widget(tenant).fieldName());
    }
}
