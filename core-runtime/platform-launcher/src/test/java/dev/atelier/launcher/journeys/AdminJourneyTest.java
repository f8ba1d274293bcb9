package dev.atelier.launcher.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.launcher.platform.TestAccounts;
import dev.atelier.launcher.platform.TestPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journey 2: AuraTuner's admin rebrands the site (colour and logo, previewed, then saved), adds a plan and a top-up,
 * sets a model's price, edits the terms and publishes them asking users to accept; a user who is signed in must then
 * accept before creating, buys the new top-up and creates at the new price; the admin refunds that payment and the
 * user's balance and history show it. Screenshots: {@code target/journeys/admin-auratuner/}.
 */
class AdminJourneyTest {

    private static final String SLUG = "auratuner";
    private static final String ADMIN = "support@auratuner.com";
    private static final String PRIMARY = "#0f766e";
    private static final String LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32"><title>AuraTuner</title>\
            <rect width="32" height="32" rx="8" fill="#0f766e"/><text x="40" y="22" font-size="16" fill="#eeeaff">journey-logo</text>\
            </svg>""";
    private static final String NEW_TERM = "Be kind to the people whose work inspires yours.";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().mail().build();
    @RegisterExtension
    static final JourneyExtension journeys = new JourneyExtension("admin-auratuner");

    private final SoftAssertions later = new SoftAssertions();
    private Journey journey;
    private Page admin;
    private Page user;

    @Test
    void anAdminRebrandsSellsPricesPublishesTermsAndRefundsAsTheirUserSees(Journey journey) throws IOException {
        this.journey = journey;
        admin = journey.page();
        user = journey.newPage();
        signIn(admin, ADMIN, "admin-signed-in");
        signIn(user, userEmail(), "user-signed-in");

        rebrand();
        addAPlanAndATopUp();
        setAModelPrice();
        publishTermsThatMustBeAccepted();
        theUserAcceptsBeforeCreating();
        theUserBuysTheNewTopUpAndCreatesAtTheNewPrice();
        refundThePaymentAndTheUserSeesIt();
        later.assertAll();
    }

    private void signIn(Page page, String email, String step) {
        platform.accounts().confirmed(SLUG, email);
        if (email.equals(ADMIN)) {
            platform.accounts().signedInAdmin(SLUG, email);
        }
        page.navigate(origin() + "/signin");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.BANNER).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Sign out"))).isVisible();
        journey.step(page, step);
    }

    private void rebrand() throws IOException {
        admin.getByRole(AriaRole.BANNER).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Admin"))
                .click();
        adminSection("Branding");
        admin.getByLabel("Primary", new Page.GetByLabelOptions().setExact(true)).fill(PRIMARY);
        Path logo = Files.createTempFile("journey-logo-", ".svg");
        Files.writeString(logo, LOGO, StandardCharsets.UTF_8);
        admin.getByLabel("Logo").setInputFiles(logo);
        click(admin, "Preview");
        journey.step(admin, "branding-preview");
        Locator preview = admin.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Preview"));
        assertThat(preview.getByRole(AriaRole.IMG)).hasAttribute("src", Pattern.compile("^data:image/svg"));

        click(admin, "Save");
        journey.step(admin, "branding-saved");
        assertThat(cssVariable(admin, "--color-primary")).isEqualToIgnoringCase(PRIMARY);
        // The logo chosen before the preview must be the one saved. Checked softly, so the rest of the journey still
        // runs while the preview drops the chosen file (a known bug being fixed).
        String logoUrl = admin.getByRole(AriaRole.BANNER).getByRole(AriaRole.IMG).first().getAttribute("src");
        // Fetched by the page itself: only the browser resolves *.localhost to this machine.
        later.assertThat((String) admin.evaluate("async url => (await fetch(url)).text()", logoUrl))
                .as("the logo the site shows after Preview then Save").contains("journey-logo");
    }

    private void addAPlanAndATopUp() {
        adminSection("Plans & top-ups");
        addOffer("journey-plan", "Journey plan", "Plan, billed monthly", "12.00", "400");
        addOffer("journey-topup", "Journey top-up", "Top-up, paid once", "5.00", "150");
        journey.step(admin, "plans-added");
        assertThat(admin.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Journey top-up"))
                .or(admin.getByText("Journey top-up")).first()).isVisible();
    }

    private void addOffer(String id, String name, String kind, String price, String credits) {
        Locator form = admin.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Add a plan or top-up"));
        form.getByLabel("Id", exact()).fill(id);
        form.getByLabel("Name", exact()).fill(name);
        form.getByLabel("Kind", exact()).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(kind));
        form.getByLabel(Pattern.compile("^Price in")).fill(price);
        form.getByLabel("Credits", exact()).fill(credits);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        admin.waitForLoadState();
    }

    private static Locator.GetByLabelOptions exact() {
        return new Locator.GetByLabelOptions().setExact(true);
    }

    private void setAModelPrice() {
        adminSection("Models & prices");
        admin.getByLabel("Credits per generation for Procedural Art").fill("2");
        click(admin, "Save models");
        journey.step(admin, "model-price-set");
        assertThat(admin.getByLabel("Credits per generation for Procedural Art")).hasValue("2");
    }

    private void publishTermsThatMustBeAccepted() {
        adminSection("Legal documents");
        admin.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Terms of service"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit and publish")).click();
        Locator template = admin.getByLabel(Pattern.compile("^Template of"));
        template.fill(template.inputValue() + "\n<@doc.p>" + NEW_TERM + "</@doc.p>\n");
        admin.getByLabel("asked to accept before they create or buy").check();
        click(admin, "Preview");
        journey.step(admin, "terms-preview");
        assertThat(admin.getByText(NEW_TERM).last()).isVisible();
        admin.getByLabel("asked to accept before they create or buy").check();
        click(admin, "Publish");
        journey.step(admin, "terms-published");
    }

    private void theUserAcceptsBeforeCreating() {
        nav(user, "Create");
        user.waitForURL(Pattern.compile("/legal/accept"));
        journey.step(user, "user-asked-to-accept");
        user.getByLabel("I have read and accept").check();
        click(user, "Accept and continue");
        user.waitForURL(Pattern.compile("/create"));
        journey.step(user, "user-accepted");
    }

    private void theUserBuysTheNewTopUpAndCreatesAtTheNewPrice() {
        nav(user, "Pricing");
        user.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText("Journey top-up"))
                .getByRole(AriaRole.LINK).click();
        click(user, "Continue to payment");
        click(user, Pattern.compile("^Pay "));
        user.waitForURL(Pattern.compile("/account/billing"));
        journey.step(user, "user-bought-top-up");
        assertThat(user.getByText("Payment received")).isVisible();

        nav(user, "Create");
        user.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Procedural Art")).check();
        user.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("A teal harbour at noon");
        Locator create = user.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Create")));
        assertThat(create).containsText("2 credits");
        create.click();
        assertThat(user.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("A teal harbour at noon")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(90_000));
        journey.step(user, "user-created");
    }

    private void refundThePaymentAndTheUserSeesIt() {
        user.navigate(origin() + "/account/billing");
        String before = balance(user);

        adminSection("Payments & refunds");
        Locator row = admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(userEmail()));
        row.first().waitFor();
        admin.getByText(Pattern.compile("^Refund this payment")).first().click();
        admin.getByLabel(Pattern.compile("^Reason")).first().fill("The top-up was bought by mistake");
        journey.step(admin, "refund-form");
        click(admin, Pattern.compile("^Refund all that is left"));
        admin.waitForURL(Pattern.compile("refund="));
        journey.step(admin, "refunded");

        user.reload();
        journey.step(user, "user-billing-after-refund");
        assertThat(balance(user)).isNotEqualTo(before);
        assertThat(user.getByText(Pattern.compile("refund", Pattern.CASE_INSENSITIVE)).first()).isVisible();
    }

    private String balance(Page page) {
        return page.getByText("Credit balance").locator("xpath=following-sibling::*[1]").innerText();
    }

    private void adminSection(String name) {
        admin.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(Pattern.compile("Admin")))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        admin.waitForLoadState();
    }

    private static void nav(Page page, String name) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        page.waitForLoadState();
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
    }

    private static void click(Page page, Pattern button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).first().click();
        page.waitForLoadState();
    }

    private static String cssVariable(Page page, String name) {
        return ((String) page.evaluate("n => getComputedStyle(document.documentElement).getPropertyValue(n)", name))
                .strip();
    }

    private static String userEmail() {
        return "member@journey.example";
    }

    private static String origin() {
        return "http://" + TestPlatform.hostOf(SLUG) + ":" + platform.port();
    }
}
