package dev.atelier.launcher.isolation;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.atelier.launcher.DemoPlatform;
import dev.atelier.web.WebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The running platform the kit probes: the repository's two demo tenants, the procedural model, local storage, a real
 * database, and mail delivered to a real SMTP server on loopback so users can confirm their addresses.
 *
 * <p>This is the only class of the kit that knows how a test platform is started; switching to another start-up helper
 * changes this class alone.
 */
final class IsolationPlatform implements AutoCloseable {

    private final DemoPlatform platform;
    private final GreenMail smtp;

    private IsolationPlatform(DemoPlatform platform, GreenMail smtp) {
        this.platform = platform;
        this.smtp = smtp;
    }

    static IsolationPlatform start() throws Exception {
        ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        try {
            return new IsolationPlatform(DemoPlatform.start(Map.of(
                    "atelier.mail.smtp.host", "127.0.0.1",
                    "atelier.mail.smtp.port", Integer.toString(setup.getPort()),
                    "atelier.mail.smtp.tls", "none",
                    "atelier.mail.poll-interval", "100ms",
                    // Every party signs up through the form; hashing need not cost what it costs in production.
                    "atelier.accounts.argon2.memory-kib", "1024",
                    "atelier.accounts.argon2.iterations", "1")), smtp);
        } catch (Exception e) {
            smtp.stop();
            throw e;
        }
    }

    int port() {
        return platform.port();
    }

    WebServer web() {
        return platform.atelier().web();
    }

    /** The host of the tenant whose things the cases create (AuraTuner). */
    String ownerHost() {
        return "auratuner.localhost";
    }

    /** The host of the other demo tenant, where the strangers live. */
    String otherHost() {
        return platform.secondTenantSlug() + ".localhost";
    }

    /** The first admin email the tenant of {@code host} lists in its folder (an account there becomes its admin). */
    String adminEmail(String host) {
        String slug = host.substring(0, host.indexOf('.'));
        return platform.atelier().tenants().directory().bySlug(slug)
                .orElseThrow(() -> new IllegalStateException("no tenant " + slug)).settings().admins().get(0);
    }

    /** The mail the platform sent so far. */
    Mailbox mailbox() {
        return new Mailbox(smtp);
    }

    @Override
    public void close() throws Exception {
        try {
            platform.close();
        } finally {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
