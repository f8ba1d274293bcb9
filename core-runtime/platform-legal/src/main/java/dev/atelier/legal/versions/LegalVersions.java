package dev.atelier.legal.versions;

import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.legal.LegalDraft;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published versions of each tenant's legal documents. Publishing stores a {@link LegalDraft} as the document's
 * next version, numbered from 1 per tenant and document; a version is never changed afterwards (the database refuses
 * updates), so what a person accepted can always be shown byte for byte. The current version of a document is its
 * highest number. Plain SQL: numbering needs a lock the entity layer would hide.
 */
public final class LegalVersions {

    /** What a document's name may be: lower-case letters, digits and dashes, as in its URL. */
    public static final Pattern DOCUMENT = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** Names that are pages under {@code /legal/} rather than documents. */
    public static final Set<String> RESERVED = Set.of("accept", "notices");
    /** Longest "published by". */
    public static final int MAX_PUBLISHER_LENGTH = 254;

    private static final Logger LOG = LoggerFactory.getLogger(LegalVersions.class);
    private static final String INFO_COLUMNS =
            "document, number, effective_date, published_at, published_by, notice_mode, disclosure_digest";

    private final JdbcTransactions transactions;
    private final Clock clock;
    private final PublicationListener listener;

    /** @param listener told of every version once it is published (the notice emails) */
    public LegalVersions(DataSource dataSource, Clock clock, PublicationListener listener) {
        this.transactions = new JdbcTransactions(dataSource);
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Publishes {@code draft} as the next version of its document. Concurrent publishes of one document get distinct,
     * consecutive numbers.
     *
     * @param effectiveDate the version's "Last Updated" date
     * @param publishedBy   who publishes, kept with the version (an admin's email)
     * @return the new version's number
     * @throws IllegalArgumentException if the document's name is not a {@link #DOCUMENT} or publishedBy is blank or
     *     longer than {@link #MAX_PUBLISHER_LENGTH}
     */
    public int publish(String tenantId, LegalDraft draft, LocalDate effectiveDate, NoticeMode mode,
            String publishedBy) {
        return publish(tenantId, draft, effectiveDate, mode, publishedBy, null);
    }

    /**
     * {@link #publish(String, LegalDraft, LocalDate, NoticeMode, String)} once per {@code key}: when the document
     * already has a version published with {@code key} (the same form sent twice), nothing is published and that
     * version's number is returned.
     *
     * @param key what identifies the request, such as a one-time number of the form; {@code null} for none
     */
    public int publish(String tenantId, LegalDraft draft, LocalDate effectiveDate, NoticeMode mode,
            String publishedBy, String key) {
        document(draft.document());
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(mode, "mode");
        if (publishedBy == null || publishedBy.isBlank() || publishedBy.length() > MAX_PUBLISHER_LENGTH) {
            throw new IllegalArgumentException("Say who publishes, in 1-" + MAX_PUBLISHER_LENGTH + " characters");
        }
        Published outcome = transactions.run("publishing a legal version", connection -> {
            lock(connection, tenantId, draft.document());
            Optional<Integer> earlier = key == null ? Optional.empty()
                    : byKey(connection, tenantId, draft.document(), key);
            if (earlier.isPresent()) {
                return new Published(earlier.get(), null);
            }
            int number = next(connection, tenantId, draft.document());
            LegalVersionInfo published = new LegalVersionInfo(draft.document(), number, effectiveDate,
                    clock.instant(), publishedBy.strip(), mode, draft.disclosureDigest());
            insert(connection, tenantId, published, draft, key);
            return new Published(number, published);
        });
        LegalVersionInfo info = outcome.info();
        if (info == null) {
            LOG.info("Tenant {}: {} version {} was published by this form already", tenantId, draft.document(),
                    outcome.number());
            return outcome.number();
        }
        LOG.info("Tenant {}: {} version {} published ({})", tenantId, info.document(), info.number(), mode.key());
        try {
            listener.published(tenantId, info);
        } catch (RuntimeException e) {
            LOG.error("Tenant {}: after publishing {} version {}: {}", tenantId, info.document(), info.number(),
                    e.toString());
        }
        return info.number();
    }

    /** The document's current (highest-numbered) version, or empty if none was published. */
    public Optional<LegalVersion> current(String tenantId, String document) {
        return one(tenantId, document, "SELECT " + INFO_COLUMNS + ", template_source, html, text_body, markdown"
                + " FROM legal_version WHERE tenant_id = ? AND document = ? ORDER BY number DESC LIMIT 1", null);
    }

    /** Version {@code number} of the document, or empty if there is none. */
    public Optional<LegalVersion> version(String tenantId, String document, int number) {
        return one(tenantId, document, "SELECT " + INFO_COLUMNS + ", template_source, html, text_body, markdown"
                + " FROM legal_version WHERE tenant_id = ? AND document = ? AND number = ?", number);
    }

    /** The document's versions, newest first, without their texts. */
    public List<LegalVersionInfo> list(String tenantId, String document) {
        if (!DOCUMENT.matcher(document == null ? "" : document).matches()) {
            return List.of();
        }
        return transactions.run("listing legal versions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + INFO_COLUMNS
                    + " FROM legal_version WHERE tenant_id = ? AND document = ? ORDER BY number DESC")) {
                select.setString(1, tenantId);
                select.setString(2, document);
                return infos(select);
            }
        });
    }

    /** The documents with at least one published version, by name. */
    public List<String> documents(String tenantId) {
        return transactions.run("listing legal documents", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT document FROM legal_version WHERE tenant_id = ? ORDER BY document")) {
                select.setString(1, tenantId);
                List<String> documents = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        documents.add(rows.getString(1));
                    }
                }
                return documents;
            }
        });
    }

    /**
     * What changed in the plain text from version {@code from} to version {@code to} (either order; a version
     * against itself is unchanged).
     *
     * @return empty if either version does not exist
     */
    public Optional<VersionDiff> diff(String tenantId, String document, int from, int to) {
        Optional<LegalVersion> older = version(tenantId, document, from);
        Optional<LegalVersion> newer = from == to ? older : version(tenantId, document, to);
        if (older.isEmpty() || newer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(VersionDiff.of(document, from, older.get().content().text(), to,
                newer.get().content().text()));
    }

    /**
     * What changed in the plain text from the document's current version to {@code draft} (a rendering not
     * published); the diff's {@code to} is 0.
     *
     * @return empty if the document has no published version
     */
    public Optional<VersionDiff> diffToDraft(String tenantId, LegalDraft draft) {
        return current(tenantId, draft.document()).map(published -> VersionDiff.of(draft.document(),
                published.info().number(), published.content().text(), 0, draft.text()));
    }

    private Optional<LegalVersion> one(String tenantId, String document, String sql, Integer number) {
        if (!DOCUMENT.matcher(document == null ? "" : document).matches()) {
            return Optional.empty();
        }
        return transactions.run("reading a legal version", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, tenantId);
                select.setString(2, document);
                if (number != null) {
                    select.setInt(3, number);
                }
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    LegalVersionInfo info = info(row);
                    return Optional.of(new LegalVersion(info, new LegalDraft(info.document(),
                            row.getString("template_source"), row.getString("html"), row.getString("text_body"),
                            row.getString("markdown"), info.disclosureDigest())));
                }
            }
        });
    }

    private static List<LegalVersionInfo> infos(PreparedStatement select) throws SQLException {
        List<LegalVersionInfo> infos = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                infos.add(info(rows));
            }
        }
        return infos;
    }

    static LegalVersionInfo info(ResultSet row) throws SQLException {
        return new LegalVersionInfo(row.getString("document"), row.getInt("number"),
                row.getObject("effective_date", LocalDate.class), row.getTimestamp("published_at").toInstant(),
                row.getString("published_by"), NoticeMode.of(row.getString("notice_mode")),
                row.getString("disclosure_digest"));
    }

    // Publishers of one document queue here until the first commits, so each reads the number the previous one took.
    private static void lock(Connection connection, String tenantId, String document) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended('legal_version:' || ? || ':' || ?, 0))")) {
            lock.setString(1, tenantId);
            lock.setString(2, document);
            lock.execute();
        }
    }

    private static int next(Connection connection, String tenantId, String document) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM legal_version WHERE tenant_id = ? AND document = ?")) {
            select.setString(1, tenantId);
            select.setString(2, document);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** A publish's version number, and the version's info when this publish made it. */
    private record Published(int number, LegalVersionInfo info) {}

    private static Optional<Integer> byKey(Connection connection, String tenantId, String document, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number FROM legal_version WHERE tenant_id = ? AND document = ? AND publish_key = ?")) {
            select.setString(1, tenantId);
            select.setString(2, document);
            select.setString(3, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection connection, String tenantId, LegalVersionInfo info, LegalDraft draft,
            String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO legal_version (tenant_id, "
                + INFO_COLUMNS + ", template_source, html, text_body, markdown, publish_key)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, tenantId);
            insert.setString(2, info.document());
            insert.setInt(3, info.number());
            insert.setObject(4, info.effectiveDate());
            insert.setTimestamp(5, Timestamp.from(info.publishedAt()));
            insert.setString(6, info.publishedBy());
            insert.setString(7, info.mode().key());
            insert.setString(8, info.disclosureDigest());
            insert.setString(9, draft.templateSource());
            insert.setString(10, draft.html());
            insert.setString(11, draft.text());
            insert.setString(12, draft.markdown());
            insert.setString(13, key);
            insert.executeUpdate();
        }
    }

    static String document(String document) {
        if (document == null || !DOCUMENT.matcher(document).matches()) {
            throw new IllegalArgumentException("A document's name is 1-40 lower-case letters, digits and dashes");
        }
        if (RESERVED.contains(document)) {
            throw new IllegalArgumentException("/legal/" + document + " is a page of its own: name the document"
                    + " otherwise");
        }
        return document;
    }
}
