package dev.atelier.legal.versions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atelier.accounts.PersonalDataParticipant;
import dev.atelier.core.db.JdbcTransactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * Which legal-notice banners a person closed, and when, in their data export ({@code legal_notices_dismissed}). The
 * acceptances themselves are consents and export with the account's own data. Erasing the account deletes these rows
 * with it (a cascading foreign key): they record nothing anyone must keep.
 */
public final class NoticeDismissals implements PersonalDataParticipant {

    private final JdbcTransactions transactions;

    public NoticeDismissals(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public String section() {
        return "legal_notices_dismissed";
    }

    @Override
    public void export(String tenantId, String accountId, JsonGenerator json) throws IOException {
        json.writeStartArray();
        try {
            // One row per published version at most, so never long enough to need pages.
            transactions.run("exporting dismissed legal notices", connection -> {
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT document, number, dismissed_at FROM legal_notice_dismissal
                         WHERE tenant_id = ? AND account_id = ? ORDER BY dismissed_at, document, number""")) {
                    select.setString(1, tenantId);
                    select.setString(2, accountId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            write(json, rows);
                        }
                    }
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
    }

    private static void write(JsonGenerator json, ResultSet row) throws java.sql.SQLException {
        try {
            json.writeStartObject();
            json.writeStringField("document", row.getString(1));
            json.writeNumberField("version", row.getInt(2));
            json.writeStringField("dismissed_at", row.getTimestamp(3).toInstant().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void erase(String tenantId, String accountId) {
        // The account row's deletion removes them; see the class comment.
    }
}
