package dev.atelier.launcher.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.atelier.accounts.Account;
import dev.atelier.launcher.DemoPlatform;
import dev.atelier.web.auth.Cookies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo platform with its mail going to a real SMTP server (GreenMail) on loopback, cheap password hashing, and
 * browsers on the AuraTuner site. The mail server can start after the platform, on the port the platform was told.
 */
final class AccountSite implements AutoCloseable {

    static final String SLUG = "auratuner";
    static final String HOST = SLUG + ".localhost";
    /** AuraTuner's name and support address, which its mail is sent from. */
    static final String TENANT_NAME = "AuraTuner";
    static final String SUPPORT_EMAIL = "support@auratuner.com";
    static final String PASSWORD = "velvet lantern orbit 91";
    static final Duration MAIL_POLL = Duration.ofMillis(100);
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ServerSetup smtp;
    private final DemoPlatform platform;
    private GreenMail mailServer;

    private AccountSite(ServerSetup smtp, DemoPlatform platform, GreenMail mailServer) {
        this.smtp = smtp;
        this.platform = platform;
        this.mailServer = mailServer;
    }

    /** The platform with its mail server up. */
    static AccountSite start() throws Exception {
        AccountSite site = startWithMailServerDown();
        site.startMailServer();
        return site;
    }

    /**
     * The platform with its mail server up, taking client addresses from {@code X-Forwarded-For} as behind a proxy,
     * so tests can be several clients at once ({@link Visitor#from}).
     */
    static AccountSite startBehindProxy() throws Exception {
        AccountSite site = start(Map.of("atelier.http.trust-forwarded-headers", "true"));
        site.startMailServer();
        return site;
    }

    /** The platform, configured for a mail server that is not running yet. */
    static AccountSite startWithMailServerDown() throws Exception {
        return start(Map.of());
    }

    private static AccountSite start(Map<String, String> extraSettings) throws Exception {
        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "atelier.mail.smtp.host", "127.0.0.1",
                "atelier.mail.smtp.port", Integer.toString(smtp.getPort()),
                "atelier.mail.smtp.tls", "none",
                "atelier.mail.poll-interval", MAIL_POLL.toMillis() + "ms",
                // Sign-ins in tests need not cost what they cost in production.
                "atelier.accounts.argon2.memory-kib", "1024",
                "atelier.accounts.argon2.iterations", "1"));
        settings.putAll(extraSettings);
        return new AccountSite(smtp, DemoPlatform.start(settings), null);
    }

    /** Starts the mail server on the port the platform sends to. */
    void startMailServer() {
        if (mailServer == null) {
            mailServer = new GreenMail(smtp);
            mailServer.start();
        }
    }

    DemoPlatform platform() {
        return platform;
    }

    int port() {
        return platform.port();
    }

    String tenantId() {
        return platform.tenantId(SLUG);
    }

    /** A new browser on AuraTuner's site, with no cookies yet. */
    Visitor visitor() {
        return new Visitor(platform.port(), HOST);
    }

    /** The account of {@code email} on AuraTuner, looked up directly. */
    Optional<Account> account(String email) {
        return platform.atelier().accounts().accounts().findByEmail(tenantId(), email);
    }

    /** Signs a new account up through the sign-up form; the visitor is signed in afterwards. */
    Visitor signedUp(String displayName, String email) throws IOException, InterruptedException {
        Visitor visitor = visitor();
        HttpResponse<String> response = signUp(visitor, displayName, email, PASSWORD);
        assertThat(response.statusCode()).as("sign-up of %s", email).isEqualTo(303);
        assertThat(visitor.cookie(Cookies.SESSION)).as("session after signing up %s", email).isPresent();
        return visitor;
    }

    static HttpResponse<String> signUp(Visitor visitor, String displayName, String email, String password)
            throws IOException, InterruptedException {
        return visitor.submit("/signup", "/signup",
                Map.of("displayName", displayName, "email", email, "password", password, "terms", "yes"));
    }

    static HttpResponse<String> signIn(Visitor visitor, String email, String password)
            throws IOException, InterruptedException {
        return visitor.submit("/signin", "/signin", Map.of("email", email, "password", password));
    }

    /** Every message the mail server received so far, oldest first. */
    List<Mail> mails() {
        return mailServer == null ? List.of()
                : Arrays.stream(mailServer.getReceivedMessages()).map(Mail::of).toList();
    }

    List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits for the one message to {@code address} whose subject is {@code subject}. */
    Mail awaitMail(String address, String subject) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> mailsTo(address).stream().anyMatch(m -> m.subject().equals(subject)));
        List<Mail> matching = mailsTo(address).stream().filter(m -> m.subject().equals(subject)).toList();
        assertThat(matching).as("mails \"%s\" to %s", subject, address).hasSize(1);
        return matching.get(0);
    }

    /** The confirmation link of a fresh sign-up, followed by {@code visitor}. */
    void verify(Visitor visitor, String email) throws IOException, InterruptedException {
        Mail verification = awaitMail(email, "Confirm your email address for " + TENANT_NAME);
        assertThat(visitor.get(verification.linkPath()).statusCode()).isEqualTo(200);
    }

    /**
     * Asks for a password reset of {@code email} in {@code visitor} and follows the mailed link to set
     * {@code newPassword}; returns the answer to that form (303 to the account page, signed in, when it worked).
     * {@code nthMail} counts the reset mails to this address so far, from 1.
     */
    HttpResponse<String> resetPassword(Visitor visitor, String email, String newPassword, int nthMail)
            throws IOException, InterruptedException {
        assertThat(visitor.submit("/reset", "/reset", Map.of("email", email)).statusCode()).isEqualTo(200);
        String subject = "Reset your " + TENANT_NAME + " password";
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> mailsTo(email).stream()
                .filter(m -> m.subject().equals(subject)).count() >= nthMail);
        String link = mailsTo(email).stream().filter(m -> m.subject().equals(subject)).toList().get(nthMail - 1)
                .linkPath();
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf('=') + 1),
                java.nio.charset.StandardCharsets.UTF_8);
        return visitor.submit(link, "/reset/confirm", Map.of("token", token, "newPassword", newPassword));
    }

    @Override
    public void close() throws Exception {
        try {
            platform.close();
        } finally {
            if (mailServer != null) {
                mailServer.stop();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
