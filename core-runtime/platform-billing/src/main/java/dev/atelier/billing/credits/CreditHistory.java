package dev.atelier.billing.credits;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atelier.accounts.PersonalDataParticipant;
import java.io.IOException;

/**
 * A user's credit movements in their data export: every grant with its reason, every hold, capture and release,
 * newest first, a page at a time. Erasing the account keeps them: they are financial records, and once the account row
 * is gone its random id names nobody.
 */
public final class CreditHistory implements PersonalDataParticipant {

    private final CreditLedger ledger;

    public CreditHistory(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String section() {
        return "credits";
    }

    @Override
    public void export(String tenantId, String accountId, JsonGenerator json) throws IOException {
        json.writeStartArray();
        String cursor = null;
        do {
            LedgerPage page = ledger.entries(tenantId, accountId, CreditLedger.MAX_PAGE, cursor);
            for (LedgerEntry entry : page.items()) {
                write(entry, json);
            }
            json.flush();
            cursor = page.nextCursor();
        } while (cursor != null);
        json.writeEndArray();
    }

    private static void write(LedgerEntry entry, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", entry.id());
        json.writeStringField("kind", entry.kind().name());
        json.writeNumberField("amount", entry.amount());
        json.writeStringField("reason", entry.reason());
        json.writeStringField("generation_id", entry.jobId());
        json.writeStringField("created_at", String.valueOf(entry.createdAt()));
        json.writeStringField("expires_at", entry.expiresAt() == null ? null : entry.expiresAt().toString());
        json.writeEndObject();
    }

    @Override
    public void erase(String tenantId, String accountId) {
        // Kept on purpose; see the class comment.
    }
}
