package dev.atelier.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.SignUp;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.AccountServices;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users page of the tenant admin area: search, balances and credit grants. */
class AdminUsersTest {

    private static final String SLUG = "auratuner";
    private static final String HOST = SLUG + ".localhost";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    private static Browser admin;
    private static String tenantId;

    @BeforeAll
    static void start() throws Exception {
        tenantId = platform.tenantId(SLUG);
        admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG, "owner@auratuner.example"));
    }

    @Test
    void searchFindsAccountsByTheStartOfTheirEmailNewestFirst() throws Exception {
        account("search-older@example.com", "Older <b>Name</b>");
        account("search-newer@example.com", "Newer");
        account("other@example.com", "Other");

        HttpResponse<String> page = admin.get("/admin/users?q=SEARCH-");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("search-newer@example.com", "search-older@example.com",
                "Older &lt;b&gt;Name&lt;/b&gt;").doesNotContain("other@example.com", "<b>Name</b>");
        assertThat(body.indexOf("search-newer@example.com")).isLessThan(body.indexOf("search-older@example.com"));
    }

    @Test
    void aGrantRaisesTheBalanceAndSendingTheSameFormTwiceGrantsOnce() throws Exception {
        Account account = account("grant-twice@example.com", "Twice");
        long before = balance(account);
        List<Map.Entry<String, String>> form = grantForm(account, "40", "Sorry about the failed video");

        HttpResponse<String> first = admin.post("/admin/users/grant", form);
        HttpResponse<String> second = admin.post("/admin/users/grant", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(balance(account)).isEqualTo(before + 40);
        assertThat(admin.get("/admin/users?q=grant-twice&granted=1").body()).contains("Credits granted.",
                "data-account=\"" + account.id() + "\">" + (before + 40) + "<");

        // A fresh page carries a fresh form, which grants again.
        assertThat(admin.post("/admin/users/grant", grantForm(account, "5", "Again")).statusCode()).isEqualTo(303);
        assertThat(balance(account)).isEqualTo(before + 45);
    }

    @Test
    void invalidGrantsAreRefusedAndGrantNothing() throws Exception {
        Account account = account("grant-invalid@example.com", "Invalid");
        long before = balance(account);

        HttpResponse<String> zero = admin.post("/admin/users/grant", grantForm(account, "0", "Because"));
        HttpResponse<String> tooMany = admin.post("/admin/users/grant", grantForm(account, "100001", "Because"));
        HttpResponse<String> noReason = admin.post("/admin/users/grant", grantForm(account, "10", " "));
        HttpResponse<String> longReason = admin.post("/admin/users/grant", grantForm(account, "10", "x".repeat(201)));

        assertThat(List.of(zero, tooMany, noReason, longReason)).extracting(HttpResponse::statusCode)
                .containsOnly(422);
        assertThat(zero.body()).contains("No credits were granted");
        assertThat(balance(account)).isEqualTo(before);
    }

    @Test
    void aGrantWithoutTheCsrfTokenIsRefused() throws Exception {
        Account account = account("grant-nocsrf@example.com", "No token");
        List<Map.Entry<String, String>> form = new ArrayList<>(grantForm(account, "10", "Because"));
        form.removeIf(e -> e.getKey().equals("csrf"));

        assertThat(admin.post("/admin/users/grant", form).statusCode()).isEqualTo(403);
        assertThat(balance(account)).isZero();
    }

    @Test
    void someoneWhoIsNotAnAdminCannotGrant() throws Exception {
        Account account = account("grant-self@example.com", "Self");
        Browser user = platform.browser(SLUG).signedIn(platform.atelier().accounts().sessions()
                .start(tenantId, account.id(), "test", "127.0.0.1").cookieValue());
        List<Map.Entry<String, String>> form = new ArrayList<>(grantForm(account, "10", "Because"));
        form.removeIf(e -> e.getKey().equals("csrf"));
        form.add(Map.entry("csrf", user.csrfOf("/account")));

        assertThat(user.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(user.post("/admin/users/grant", form).statusCode()).isEqualTo(403);
        assertThat(balance(account)).isZero();
    }

    /** The grant form of the account's row on the users page, filled in, as the browser would send it. */
    private static List<Map.Entry<String, String>> grantForm(Account account, String amount, String reason)
            throws Exception {
        String page = admin.get("/admin/users?q=" + account.email()).body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(page);
        Matcher nonce = Pattern.compile("name=\"account\" value=\"" + Pattern.quote(account.id())
                + "\">\\s*<input type=\"hidden\" name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("csrf field on the users page").isTrue();
        assertThat(nonce.find()).as("grant form of " + account.email()).isTrue();
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("csrf", csrf.group(1)));
        form.add(Map.entry("account", account.id()));
        form.add(Map.entry("nonce", nonce.group(1)));
        form.add(Map.entry("q", account.email()));
        form.add(Map.entry("amount", amount));
        form.add(Map.entry("reason", reason));
        return form;
    }

    private static Account account(String email, String name) {
        AccountServices accounts = platform.atelier().accounts();
        return accounts.accounts().findByEmail(tenantId, email).orElseGet(() -> {
            SignUp signUp = accounts.accounts().signUp(tenantId, email, "a long user passphrase", name);
            return accounts.accounts().verifyEmail(tenantId, signUp.verificationToken()).orElseThrow();
        });
    }

    private static long balance(Account account) {
        return platform.atelier().generation().ledger().balance(tenantId, account.id());
    }
}
