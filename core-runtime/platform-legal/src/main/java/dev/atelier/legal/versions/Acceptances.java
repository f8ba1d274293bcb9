package dev.atelier.legal.versions;

import dev.atelier.accounts.Consents;
import dev.atelier.core.db.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who accepted which published version, and what each signed-in account still has to accept or be told. Acceptances
 * are the accounts module's {@link Consents} (the one consent record, exported and erased with the account), each
 * naming a version by its number; a version is accepted once per account, however often or concurrently it is sent.
 *
 * <p>Accepting a document's current version settles every earlier one. An account must accept when a version was
 * published in {@link NoticeMode#REQUIRE} mode after the last version it accepted; it sees a banner when the current
 * version was published after the account was made, is newer than what it accepted, and it has not dismissed that
 * banner.
 */
public final class Acceptances {

    /** The documents a new account accepts by signing up. */
    public static final List<String> SIGN_UP_DOCUMENTS = List.of("terms", "privacy");

    private static final Logger LOG = LoggerFactory.getLogger(Acceptances.class);

    private final LegalVersions versions;
    private final Consents consents;
    private final JdbcTransactions transactions;
    private final Clock clock;
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

    public Acceptances(LegalVersions versions, Consents consents, DataSource dataSource, Clock clock) {
        this.versions = versions;
        this.consents = consents;
        this.transactions = new JdbcTransactions(dataSource);
        this.clock = clock;
    }

    /**
     * Records that the account accepted version {@code number} of {@code document}, from {@code ip}.
     *
     * @return whether this call recorded it (false: it was accepted before, and that first acceptance stands)
     * @throws IllegalArgumentException if the version or the account does not exist at the tenant
     */
    public boolean accept(String tenantId, String accountId, String document, int number, String ip) {
        if (versions.version(tenantId, document, number).isEmpty()) {
            throw new IllegalArgumentException("Tenant " + tenantId + " has no version " + number + " of " + document);
        }
        boolean recorded = consents.record(tenantId, accountId, document, Integer.toString(number), ip);
        if (recorded) {
            LOG.info("Tenant {}: account {} accepted {} version {}", tenantId, accountId, document, number);
            changed(tenantId, accountId);
        }
        return recorded;
    }

    /**
     * Records what a new account accepted by signing up: the current version of each of {@link #SIGN_UP_DOCUMENTS};
     * a document the tenant has not published yet is recorded as {@code unpublishedVersion} (what the sign-up page
     * showed, such as the time of the tenant's configuration).
     */
    public void signedUp(String tenantId, String accountId, String ip, String unpublishedVersion) {
        for (String document : SIGN_UP_DOCUMENTS) {
            String version = versions.current(tenantId, document).map(v -> Integer.toString(v.info().number()))
                    .orElse(unpublishedVersion);
            consents.record(tenantId, accountId, document, version, ip);
        }
        changed(tenantId, accountId);
    }

    /**
     * Calls {@code listener} with the tenant and account of every acceptance and dismissal from now on, after it is
     * recorded, on the thread that recorded it: what an account is told ({@link #announcements}) may have changed.
     */
    public void onChange(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    private void changed(String tenantId, String accountId) {
        listeners.forEach(listener -> listener.accept(tenantId, accountId));
    }

    /** The current versions the account must accept before generating or buying; empty when it may go on. */
    public List<LegalVersionInfo> mustAccept(String tenantId, String accountId) {
        return toAccept(standings(tenantId, accountId));
    }

    /** The current versions to announce to the account with a banner. */
    public List<LegalVersionInfo> announcements(String tenantId, String accountId) {
        return toAnnounce(standings(tenantId, accountId));
    }

    /** Of an account's {@link #standings}, the current versions it must accept: {@link #mustAccept}. */
    public static List<LegalVersionInfo> toAccept(List<DocumentStanding> standings) {
        return standings.stream().filter(DocumentStanding::mustAccept).map(DocumentStanding::current).toList();
    }

    /** Of an account's {@link #standings}, the current versions to announce: {@link #announcements}. */
    public static List<LegalVersionInfo> toAnnounce(List<DocumentStanding> standings) {
        return standings.stream().filter(DocumentStanding::announce).map(DocumentStanding::current).toList();
    }

    /** Where the account stands with each document the tenant has published, by document name. */
    public List<DocumentStanding> standings(String tenantId, String accountId) {
        return transactions.run("reading legal acceptances", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT v.document, v.number, v.effective_date, v.published_at, v.published_by, v.notice_mode,
                           v.disclosure_digest, d.required,
                           (SELECT MAX(c.version::integer) FROM account_consent c
                             WHERE c.tenant_id = v.tenant_id AND c.account_id = ? AND c.document = v.document
                               AND c.version ~ '^[0-9]{1,9}$') AS accepted,
                           EXISTS (SELECT 1 FROM legal_notice_dismissal n
                                    WHERE n.tenant_id = v.tenant_id AND n.account_id = ? AND n.document = v.document
                                      AND n.number = v.number) AS dismissed,
                           EXISTS (SELECT 1 FROM account a
                                    WHERE a.tenant_id = v.tenant_id AND a.id = ?
                                      AND a.created_at < v.published_at) AS joined_before
                      FROM legal_version v
                      JOIN (SELECT document, MAX(number) AS current,
                                   COALESCE(MAX(number) FILTER (WHERE notice_mode = 'require'), 0) AS required
                              FROM legal_version WHERE tenant_id = ? GROUP BY document) d
                        ON d.document = v.document AND d.current = v.number
                     WHERE v.tenant_id = ?
                     ORDER BY v.document""")) {
                select.setString(1, accountId);
                select.setString(2, accountId);
                select.setString(3, accountId);
                select.setString(4, tenantId);
                select.setString(5, tenantId);
                List<DocumentStanding> standings = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        standings.add(new DocumentStanding(LegalVersions.info(rows), rows.getInt("required"),
                                rows.getInt("accepted"), rows.getBoolean("dismissed"),
                                rows.getBoolean("joined_before")));
                    }
                }
                return standings;
            }
        });
    }

    /**
     * Stops the banner of version {@code number} of {@code document} for the account; dismissing twice, or a version
     * that does not exist, changes nothing.
     */
    public void dismiss(String tenantId, String accountId, String document, int number) {
        transactions.run("dismissing a legal notice", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO legal_notice_dismissal (tenant_id, account_id, document, number, dismissed_at)
                    SELECT v.tenant_id, a.id, v.document, v.number, ?
                      FROM legal_version v JOIN account a ON a.tenant_id = v.tenant_id AND a.id = ?
                     WHERE v.tenant_id = ? AND v.document = ? AND v.number = ?
                    ON CONFLICT DO NOTHING""")) {
                insert.setTimestamp(1, Timestamp.from(clock.instant()));
                insert.setString(2, accountId);
                insert.setString(3, tenantId);
                insert.setString(4, document);
                insert.setInt(5, number);
                return insert.executeUpdate();
            }
        });
        changed(tenantId, accountId);
    }
}
