package dev.atelier.launcher.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Journey 1 on one tenant's site, as a newcomer walks it: land, sign up (accepting the terms), confirm the email from
 * the link in the mail, read the terms they accepted, buy a top-up through the sandbox checkout, create an image and
 * watch it finish, make an image from an uploaded picture, make a short video, find all three in the gallery, delete
 * one, download their data and delete the account. Every page and every email is held to the tenant's
 * {@link BrandRules}.
 */
final class NewUserFlow {

    private static final String PASSWORD = "copper-meadow-lantern-58";
    private static final String IMAGE_PROMPT = "A lighthouse made of glass at dusk, soft fog";
    private static final String UPLOAD_PROMPT = "The same harbour at night, under polar lights";
    private static final String VIDEO_PROMPT = "Dunes drifting under a slow violet sky";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatform platform;
    private final Journey journey;
    private final String slug;
    private final BrandRules brand;
    private final String email;
    private final Page page;
    private final Words words;

    NewUserFlow(TestPlatform platform, Journey journey, String slug, BrandRules brand) {
        this.platform = platform;
        this.journey = journey;
        this.slug = slug;
        this.brand = brand;
        this.email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        this.page = journey.page();
        this.words = Words.of(slug);
        journey.checkEveryPage(brand::problemsOf);
    }

    void walk() throws IOException {
        land();
        signUp();
        confirmEmail();
        readTheAcceptedTerms();
        buyATopUp();
        create(IMAGE_PROMPT, "Procedural Art", null, "image");
        create(UPLOAD_PROMPT, "Procedural Art", picture(), "image-from-upload");
        create(VIDEO_PROMPT, "Procedural Motion", null, "video");
        findAllThreeInTheGallery();
        deleteTheOneFromTheUpload();
        exportTheData();
        deleteTheAccount();
        everyEmailWearsTheBrand();
    }

    private void land() {
        page.navigate(origin() + "/");
        journey.step("landing");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
    }

    private void signUp() {
        page.getByRole(AriaRole.BANNER).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(words.text("nav.signup")))
                .click();
        page.getByLabel(words.text("signup.name")).fill("Nora Newcomer");
        page.getByLabel(words.text("forms.email")).fill(email);
        page.getByLabel(words.text("forms.password")).fill(PASSWORD);
        page.getByLabel(words.text("signup.terms.agree")).check();
        journey.step("sign-up");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.text("signup.submit"))).click();
        page.waitForURL(Pattern.compile("/signup"));
        journey.step("check-your-inbox");
        assertThat(page.getByText(email)).isVisible();
    }

    private void confirmEmail() {
        Mail confirm = platform.mail().awaitOne(email, words.text("email.verify-email.subject", brand.name()));
        page.navigate(origin() + confirm.linkPath());
        journey.step("email-confirmed");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(words.text("verify.heading"));
    }

    private void readTheAcceptedTerms() {
        page.getByRole(AriaRole.CONTENTINFO).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(words.text("footer.terms"))).first()
                .click();
        page.waitForURL(Pattern.compile("/legal/terms"));
        journey.step("terms");
    }

    private void buyATopUp() {
        nav(words.text("nav.pricing"));
        journey.step("pricing");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(words.text("plan.add_credits"))).first().click();
        journey.step("checkout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.text("checkout.continue"))).click();
        page.waitForURL(Pattern.compile("/billing/sandbox/checkout/"));
        journey.step("sandbox-checkout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(startsWith(words.start("sandbox.checkout.pay")))).click();
        page.waitForURL(Pattern.compile("/account/billing"));
        journey.step("paid");
        assertThat(page.getByText(words.text("billing.paid.title"))).isVisible();
    }

    /** Creates from {@code prompt} with the model named {@code model}, starting from {@code upload} if given. */
    private void create(String prompt, String model, Path upload, String name) {
        nav(words.text("nav.create"));
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(model)).check();
        page.getByLabel(words.text("create.prompt.label"), new Page.GetByLabelOptions().setExact(true)).fill(prompt);
        if (upload != null) {
            page.getByLabel(words.text("create.input.label")).setInputFiles(upload);
        }
        Locator length = page.getByLabel("Length (seconds)");
        if (model.contains("Motion") && length.count() > 0) {
            length.fill(length.getAttribute("min"));
        }
        journey.step(name + "-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(startsWith(words.text("create.submit")))).click();
        watchTheBarReachTheEnd(prompt);
        journey.step(name + "-done");
    }

    /**
     * Waits until the creation's progress bar stands at 100 or its result is shown (a running creation's page reloads
     * into its result as soon as it is done), taking a screenshot of the bar on the way when there is time.
     */
    private void watchTheBarReachTheEnd(String prompt) {
        Locator bar = page.getByRole(AriaRole.PROGRESSBAR);
        Locator result = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(prompt).setExact(true))
                .or(page.getByLabel(prompt, new Page.GetByLabelOptions().setExact(true)));
        page.waitForCondition(() -> {
            Double value = Progress.of(bar);
            return (value != null && value >= 100) || result.first().isVisible();
        }, new Page.WaitForConditionOptions().setTimeout(90_000));
        assertThat(result.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(30_000));
    }

    private void findAllThreeInTheGallery() {
        nav(words.text("nav.gallery"));
        journey.step("gallery");
        for (String prompt : List.of(IMAGE_PROMPT, UPLOAD_PROMPT, VIDEO_PROMPT)) {
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(prompt))).isVisible();
        }
    }

    private void deleteTheOneFromTheUpload() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(UPLOAD_PROMPT)).click();
        page.getByText(words.text("item.delete")).click();
        journey.step("delete-creation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.text("item.delete.submit"))).click();
        page.waitForURL(Pattern.compile("/gallery"));
        journey.step("gallery-after-delete");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(UPLOAD_PROMPT))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(IMAGE_PROMPT))).isVisible();
    }

    private void exportTheData() throws IOException {
        page.getByRole(AriaRole.BANNER).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(words.text("nav.account")))
                .click();
        journey.step("account");
        Path export = journey.download(page, () -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(words.text("account.data.download"))).click());
        JsonNode data = JSON.readTree(export.toFile());
        String text = data.toString();
        assertThat(text).contains(email, IMAGE_PROMPT, VIDEO_PROMPT).doesNotContain(UPLOAD_PROMPT);
        assertThat(text).as("the consents of the sign-up").contains("terms");
        assertThat(brand.foreignIn(text, "the data export")).isEmpty();
    }

    private void deleteTheAccount() {
        Locator deletion = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(words.text("account.delete")));
        deletion.getByLabel(words.text("account.current_password")).fill(PASSWORD);
        deletion.getByLabel(words.text("account.delete.confirm")).fill("DELETE");
        journey.step("delete-account");
        deletion.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(words.text("account.delete.submit"))).click();
        // Signed out: the header offers to sign in again.
        assertThat(page.getByRole(AriaRole.BANNER).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(words.text("nav.signin")))).isVisible();
        journey.step("account-deleted");
    }

    private void everyEmailWearsTheBrand() {
        platform.mail().awaitOne(email, words.text("email.account-deleted.subject", brand.name()));
        List<Mail> mails = platform.mail().to(email);
        assertThat(mails).extracting(Mail::subject).contains(words.text("email.welcome.subject", brand.name()));
        for (Mail mail : mails) {
            assertThat(brand.problemsOf(mail)).as("the email \"%s\"", mail.subject()).isEmpty();
        }
    }

    private void nav(String name) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(words.text("nav.main.label")))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        page.waitForLoadState();
    }

    private String origin() {
        return "http://" + TestPlatform.hostOf(slug) + ":" + platform.port();
    }

    // A small picture of one's own to start from: a gradient, as a PNG file.
    private Path picture() {
        try {
            BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(0x1f5f9b), 256, 256, new Color(0xf0c419)));
            g.fillRect(0, 0, 256, 256);
            g.dispose();
            Path file = Files.createTempFile("harbour-", ".png");
            file.toFile().deleteOnExit();
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A name that begins with {@code words}. Playwright hands a pattern to the browser as a JavaScript regular
     * expression, which has no {@code \Q…\E} quoting: every character but letters and digits is escaped one by one.
     */
    private static Pattern startsWith(String words) {
        return Pattern.compile("^" + words.replaceAll("[^\\p{Alnum}]", "\\\\$0"));
    }
}
