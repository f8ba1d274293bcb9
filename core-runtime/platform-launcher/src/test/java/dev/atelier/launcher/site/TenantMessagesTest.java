package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.launcher.platform.User;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages and emails take their wording from message bundles: the default theme's, overridden by the tenant's theme,
 * overridden by the tenant's own {@code messages}. Marginalia, a demo tenant on its own theme, speaks in its own voice
 * on every page and email, with none of AuraTuner's name or wording.
 */
class TenantMessagesTest {

    private static final Pattern MSG_CALL = Pattern.compile("msg\\(\"([^\"]+)\"");
    private static final String PRESS = """
            slug: press
            name: Little Press
            support_email: help@press.test
            branding: {theme: marginalia}
            storage: {plugin: local, config: {}}
            models: [{id: procedural, credits: 2}]
            messages:
              pricing.heading: "Our rates, <em>plainly</em>"
              nav.gallery: Shelf
            """;

    /** AuraTuner's name and default wording that Marginalia words in its own way, page by page. */
    private static final Map<String, List<String>> DEFAULT_WORDING = Map.of(
            "/create", List.of("What would you like to make?", "Prompt tips", "How credits work"),
            "/gallery", List.of("Your creations", "Nothing here yet", "Create your first piece"),
            "/pricing", List.of("Pay for what you create", "What happens if a generation fails?", "Most popular"),
            "/account", List.of("Your account</h1>", "Sign-in methods", "Delete my account"),
            "/account/billing", List.of("Credit balance", "No payments yet", "Credit history"),
            "/no-such-page", List.of("Page not found", "Go to the home page"));

    /** A phrase of Marginalia's voice on each of those pages. */
    private static final Map<String, String> MARGINALIA_WORDING = Map.of(
            "/create", "What shall we draw for you?",
            "/gallery", "Your folio of plates",
            "/pricing", "Questions from our readers",
            "/account", "Your bookplate",
            "/account/billing", "Credits in your ledger",
            "/no-such-page", "This leaf is missing");

    // Copies of the shipped Marginalia folder, not demoTenants(): that links the repository's tenant-configs/ in,
    // and this test writes tenant folders of its own.
    @RegisterExtension
    static final TestPlatform platform = withShippedFolder(TestPlatform.builder().defaultBundles().mail(), "marginalia")
            .tenant("press", PRESS)
            .tenant("plain", """
                    slug: plain
                    name: Plain Pictures
                    support_email: help@plain.test
                    storage: {plugin: local, config: {}}
                    models: [{id: procedural, credits: 2}]
                    plans: [{id: pro, name: Pro, price: {amount: 900, currency: USD}, interval: month, credits: 300}]
                    """)
            .build();

    /** The repository's tenant folder {@code slug}, every file copied into the test installation. */
    private static TestPlatformBuilder withShippedFolder(TestPlatformBuilder builder, String slug) {
        Path folder = Path.of("../../tenant-configs", slug).toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> builder.tenantFile(slug,
                    folder.relativize(file).toString().replace('\\', '/'), bytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyMessageKeyATemplateUsesIsInTheDefaultBundle() throws IOException {
        Path themes = TestPlatform.repositoryThemes();
        Set<String> defaults = keys(themes.resolve("default/messages.properties"));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(themes)) {
            files.filter(f -> f.toString().endsWith(".ftl") || f.toString().endsWith(".ftlh")).forEach(f -> {
                Matcher m = MSG_CALL.matcher(read(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            });
        }
        assertThat(used).as("message keys the templates use").hasSizeGreaterThan(300);
        assertThat(defaults).as("keys of themes/default/messages.properties").containsAll(used);
        try (Stream<Path> bundles = Files.list(themes)) {
            bundles.map(theme -> theme.resolve("messages.properties")).filter(Files::isRegularFile).forEach(bundle ->
                    assertThat(defaults).as("keys of " + bundle + " (a key the default lacks is used by no page)")
                            .containsAll(keys(bundle)));
        }
    }

    @Test
    void marginaliaPagesSpeakInItsOwnVoiceWithNoneOfAuraTunersWording() throws Exception {
        User reader = platform.user("marginalia", 40);
        for (String path : DEFAULT_WORDING.keySet()) {
            HttpResponse<String> page = reader.get(path);
            assertThat(page.statusCode()).as(path).isIn(200, 404);
            assertThat(page.body()).as("Marginalia " + path).contains(MARGINALIA_WORDING.get(path), "Portfolio")
                    .doesNotContain("AuraTuner");
            for (String wording : DEFAULT_WORDING.get(path)) {
                assertThat(page.body()).as("Marginalia " + path).doesNotContain(wording);
            }
        }
    }

    @Test
    void marginaliaEmailsSpeakInItsOwnVoice() throws Exception {
        String address = "reader@letters.test";
        platform.browser("marginalia").signedUp(address);
        Mail mail = platform.mail().awaitOne(address, "Please confirm your address for Marginalia");
        assertThat(mail.text()).contains("Dear reader,", "Please confirm that letters should come to this address")
                .doesNotContain("AuraTuner", "Hello,");
        assertThat(mail.html()).contains("A small formality", "Confirm my address", "our letters desk")
                .doesNotContain("AuraTuner", "Confirm your email address");
    }

    @Test
    void aTenantsOwnWordingWinsOverItsThemesAndIsEscaped() throws Exception {
        String pricing = platform.get(TestPlatform.hostOf("press"), "/pricing").body();
        assertThat(pricing).contains("Our rates, &lt;em&gt;plainly&lt;/em&gt;", ">Shelf</a>",
                "Questions from our readers").doesNotContain("A subscription for every shelf", "<em>plainly");
    }

    @Test
    void anUnknownMessageKeyIsRefusedWhenTheFolderIsAppliedAndAKnownOneShowsAtOnce() throws Exception {
        String host = TestPlatform.hostOf("press");
        try {
            assertThatThrownBy(() -> platform.changeTenantFile("press", "tenant.yaml",
                    PRESS + "  pricing.heding: Rates\n"))
                    .isInstanceOf(InvalidTenantConfigException.class)
                    .hasMessageContaining("messages.pricing.heding")
                    .hasMessageContaining("unknown message key");
            assertThat(platform.get(host, "/pricing").body()).as("nothing applied")
                    .contains("Our rates, &lt;em&gt;plainly");

            platform.changeTenantFile("press", "tenant.yaml", PRESS.replace("Our rates, <em>plainly</em>",
                    "Rates, revised"));
            assertThat(platform.get(host, "/pricing").body()).contains("Rates, revised")
                    .doesNotContain("Our rates");
        } finally {
            platform.changeTenantFile("press", "tenant.yaml", PRESS);
        }
    }

    @Test
    void cachedPagesKeepEachTenantsWording() throws Exception {
        String marginalia = "A subscription for every shelf";
        String press = "Our rates, &lt;em&gt;plainly&lt;/em&gt;";
        String plain = "Pay for what you create";
        for (int round = 0; round < 2; round++) {
            assertThat(platform.get(TestPlatform.hostOf("marginalia"), "/pricing").body()).contains(marginalia)
                    .doesNotContain(press, plain);
            assertThat(platform.get(TestPlatform.hostOf("press"), "/pricing").body()).contains(press)
                    .doesNotContain(marginalia, plain);
            assertThat(platform.get(TestPlatform.hostOf("plain"), "/pricing").body()).contains(plain)
                    .doesNotContain(marginalia, press);
        }
        Browser signedIn = platform.browser("marginalia").signedIn(platform.accounts().signedInUser("marginalia"));
        assertThat(signedIn.get("/pricing").body()).contains(marginalia).doesNotContain(plain);
    }

    private static Set<String> keys(Path bundle) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
