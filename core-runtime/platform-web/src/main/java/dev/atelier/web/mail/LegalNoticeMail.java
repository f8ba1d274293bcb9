package dev.atelier.web.mail;

import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.legal.versions.NoticeMode;
import dev.atelier.legal.versions.PublicationListener;
import dev.atelier.web.legal.DocumentTitles;
import dev.atelier.web.theme.TemplateFailure;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails every verified user of a tenant when one of its legal documents gets a new version, in the tenant's theme,
 * through the mail outbox. Runs on a thread of its own so the publish returns at once, however many users the tenant
 * has; users are read a page at a time, and each message's outbox key names the version and the account, so a
 * version is announced to a user once even if the work is repeated.
 */
public final class LegalNoticeMail implements PublicationListener, AutoCloseable {

    public static final String TEMPLATE = "legal-notice";

    private static final Logger LOG = LoggerFactory.getLogger(LegalNoticeMail.class);
    private static final int PAGE = 500;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private final MailComposer composer;
    private final MailOutbox outbox;
    private final JdbcTransactions transactions;
    private final Function<String, Optional<Tenant>> tenants;
    private final BiFunction<Tenant, String, String> links;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "legal-notice-mail");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param tenants finds a tenant by id
     * @param links   the absolute link on the tenant's configured host for a site path
     */
    public LegalNoticeMail(MailComposer composer, MailOutbox outbox, DataSource dataSource,
            Function<String, Optional<Tenant>> tenants, BiFunction<Tenant, String, String> links) {
        this.composer = composer;
        this.outbox = outbox;
        this.transactions = new JdbcTransactions(dataSource);
        this.tenants = tenants;
        this.links = links;
    }

    @Override
    public void published(String tenantId, LegalVersionInfo version) {
        worker.execute(() -> tenants.apply(tenantId).ifPresent(tenant -> announce(tenant, version)));
    }

    private void announce(Tenant tenant, LegalVersionInfo version) {
        Map<String, Object> model = model(tenant, version);
        String after = "";
        int queued = 0;
        try {
            for (List<User> page = users(tenant.id(), after); !page.isEmpty(); page = users(tenant.id(), after)) {
                for (User user : page) {
                    outbox.enqueue(composer.compose(tenant, TEMPLATE, user.recipient(), model),
                            tenant.id() + ":legal:" + version.document() + ":" + version.number() + ":" + user.id());
                    queued++;
                }
                after = page.get(page.size() - 1).id();
            }
            LOG.info("Tenant {}: {} version {} announced to {} users", tenant.slug(), version.document(),
                    version.number(), queued);
        } catch (TemplateFailure | SQLException | RuntimeException e) {
            LOG.error("Tenant {}: announcing {} version {} stopped after {} emails: {}", tenant.slug(),
                    version.document(), version.number(), queued, e.toString());
        }
    }

    /** The notice email's variables: which document, its version and date, whether it must be accepted, the link. */
    public static Map<String, Object> model(LegalVersionInfo version, String link) {
        Map<String, Object> model = new HashMap<>();
        model.put("document", DocumentTitles.of(version.document()));
        model.put("version", version.number());
        model.put("effectiveDate", DATE.format(version.effectiveDate()));
        model.put("mustAccept", version.mode() == NoticeMode.REQUIRE);
        model.put("link", link);
        return model;
    }

    private Map<String, Object> model(Tenant tenant, LegalVersionInfo version) {
        return model(version, links.apply(tenant, "/legal/" + version.document() + "/v/" + version.number()));
    }

    private record User(String id, MailComposer.Recipient recipient) {}

    // Verified addresses only: an unverified one may not be the user's.
    private List<User> users(String tenantId, String after) {
        return transactions.run("reading whom to tell of a legal version", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, email, display_name FROM account"
                    + " WHERE tenant_id = ? AND email_verified_at IS NOT NULL AND id > ? ORDER BY id LIMIT ?")) {
                select.setString(1, tenantId);
                select.setString(2, after);
                select.setInt(3, PAGE);
                List<User> users = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(new User(rows.getString(1),
                                new MailComposer.Recipient(rows.getString(2), rows.getString(3))));
                    }
                }
                return users;
            }
        });
    }

    /** Lets queued announcements finish for a few seconds, then stops; an unfinished one is logged by its count. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
