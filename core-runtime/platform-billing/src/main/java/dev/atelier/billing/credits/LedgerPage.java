package dev.atelier.billing.credits;

import java.util.List;

/**
 * One page of an account's ledger entries, newest first.
 *
 * @param nextCursor pass to {@link CreditLedger#entries(String, String, int, String)} for the following page;
 *     {@code null} on the last page
 */
public record LedgerPage(List<LedgerEntry> items, String nextCursor) {

    public LedgerPage {
        items = List.copyOf(items);
    }
}
