package dev.atelier.launcher.platform;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.SignUp;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.web.auth.AccountServices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts on a {@link TestPlatform} made through the platform's own services rather than its forms, for tests whose
 * subject is something else: users with credits, tenant admins, confirmed emails, operator tokens.
 */
public final class TestAccounts {

    /** The password of every account made here. */
    public static final String PASSWORD = "velvet lantern orbit 91";

    private final TestPlatform platform;
    private String operatorToken;

    TestAccounts(TestPlatform platform) {
        this.platform = platform;
    }

    private AccountServices services() {
        return platform.atelier().accounts();
    }

    /** A new user of {@code slug}: confirmed, signed in, holding {@code credits} granted credits. */
    public User user(String slug, long credits) {
        String tenantId = platform.tenantId(slug);
        Account account = confirmed(tenantId, "user-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com", "Maker");
        if (credits > 0) {
            platform.atelier().generation().ledger().grant(tenantId, account.id(), credits, "Test credits", null,
                    "test:" + UUID.randomUUID());
        }
        String token = services().apiTokens().create(tenantId, account.id(), "tests").token();
        return new User(platform, TestPlatform.hostOf(slug), tenantId, account.id(),
                session(tenantId, account.id()), token);
    }

    /**
     * Makes {@code email} a confirmed account of {@code slug} (unless it is one) and an admin of the tenant, and
     * signs it in; returns the session cookie's value.
     */
    public String signedInAdmin(String slug, String email) {
        String tenantId = platform.tenantId(slug);
        Account account = byEmail(slug, email).orElseGet(() -> confirmed(tenantId, email, "Admin"));
        services().admins().grant(tenantId, email);
        return session(tenantId, account.id());
    }

    /** A new confirmed account of {@code slug} that is no admin, signed in; returns the session cookie's value. */
    public String signedInUser(String slug) {
        String tenantId = platform.tenantId(slug);
        Account account = confirmed(tenantId, "user-" + UUID.randomUUID().toString().substring(0, 8)
                + "@" + slug + ".test", "User");
        return session(tenantId, account.id());
    }

    /** Signs {@code email} up on {@code slug} with {@link #PASSWORD} and confirms it, without signing it in. */
    public Account confirmed(String slug, String email) {
        return confirmed(platform.tenantId(slug), email, "User");
    }

    public Optional<Account> byEmail(String slug, String email) {
        return services().accounts().findByEmail(platform.tenantId(slug), email);
    }

    /**
     * Confirms the email of the account {@code owner} is signed in to the way its owner does: by opening the link
     * mailed to them in that browser, which stays signed in (every other session of the account ends).
     */
    public void confirmEmail(String slug, Browser owner) throws Exception {
        String accountId = owner.me().required("id").asText();
        String token = services().accounts().requestVerification(platform.tenantId(slug), accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " needs no confirmation"));
        int status = owner.get("/verify?token=" + token).statusCode();
        if (status != 200) {
            throw new IllegalStateException("confirming the email of " + accountId + " answered " + status);
        }
    }

    /** An operator token to call the operator API with, made on first use (tokens survive a restart). */
    public synchronized String operatorToken() {
        if (operatorToken == null) {
            operatorToken = services().operatorTokens().create("test").token();
        }
        return operatorToken;
    }

    public long balance(User user) {
        return platform.atelier().generation().ledger().balance(user.tenantId(), user.accountId());
    }

    /** The ledger entries of {@code jobId}, oldest first, as kinds. */
    public List<LedgerEntry.Kind> ledgerKinds(User user, String jobId) {
        List<LedgerEntry> entries = new ArrayList<>(
                platform.atelier().generation().ledger().entries(user.tenantId(), user.accountId()));
        Collections.reverse(entries);
        return entries.stream().filter(e -> jobId.equals(e.jobId())).map(LedgerEntry::kind).toList();
    }

    private Account confirmed(String tenantId, String email, String displayName) {
        SignUp signUp = services().accounts().signUp(tenantId, email, PASSWORD, displayName);
        return services().accounts().verifyEmail(tenantId, signUp.verificationToken()).orElseThrow();
    }

    private String session(String tenantId, String accountId) {
        return services().sessions().start(tenantId, accountId, "test", "127.0.0.1").cookieValue();
    }
}
