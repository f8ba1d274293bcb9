package dev.atelier.core.accounts;

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
     * This participant's data about the account, as plain values Jackson writes without configuration: maps, lists,
     * strings, numbers, booleans and nulls (timestamps as ISO-8601 strings). An empty list when there is none.
     */
    Object export(String tenantId, String accountId);

    /**
     * Deletes or anonymizes this participant's data about the account. Called before the account row is deleted;
     * must be idempotent, because an erasure that failed half way is retried from the start.
     */
    void erase(String tenantId, String accountId);
}
