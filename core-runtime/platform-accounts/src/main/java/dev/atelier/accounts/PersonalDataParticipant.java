package dev.atelier.accounts;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A module that keeps personal data of accounts outside the account tables, and takes part in exporting and erasing
 * it ({@link PersonalData}). Later modules register one each: generations (prompts, images), billing (purchases,
 * credit movements).
 *
 * <p>Erasing means making the data no longer about the person, not always deleting it. Billing must anonymize rather
 * than delete: tax and accounting law requires a business to keep its financial records for years, so invoices and
 * transactions stay, with the account reference and personal details removed.
 */
public interface PersonalDataParticipant {

    /**
     * The key of this participant's part of an export, such as {@code generations} or {@code transactions}; unique
     * among participants and stable, since people and tools read exports.
     */
    String section();

    /**
     * Writes this participant's data about the account as the value of its {@link #section()} (the field name is
     * already written): plain JSON values only (timestamps as ISO-8601 strings), an empty array when there is none.
     * Write a long history element by element from pages read one after another, never holding all of it: exports
     * are streamed to the person as they are written. {@code json.writeObject} takes maps and lists of plain values.
     *
     * @throws IOException when the export's output fails (the person's connection closed)
     */
    void export(String tenantId, String accountId, JsonGenerator json) throws IOException;

    /**
     * Deletes or anonymizes this participant's data about the account. Called before the account row is deleted;
     * must be idempotent, because an erasure that failed half way is retried from the start.
     */
    void erase(String tenantId, String accountId);
}
