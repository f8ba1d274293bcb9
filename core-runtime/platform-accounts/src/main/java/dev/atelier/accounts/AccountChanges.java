package dev.atelier.accounts;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever keeps signed-in users in memory (see {@link SignedInUsers}) that a request must see an account
 * afresh: its sessions ended, its API tokens were revoked, or something its pages show changed (name, email,
 * verification, admin grant, legal acceptances). The account services call it on the thread that made the change,
 * after the change is committed, so a listener that drops what it kept has done so before the call that made the
 * change returns.
 */
public final class AccountChanges {

    /** What changed. */
    public enum Kind {
        /** One session ({@link Change#sessionId()}) or several of the account ended before their time. */
        SESSIONS_ENDED,
        /** One or more of the account's API tokens were revoked. */
        TOKENS_REVOKED,
        /** What the account's pages show changed; its sessions still hold. */
        DETAILS_CHANGED
    }

    /**
     * One change.
     *
     * @param tenantId the tenant; never null
     * @param accountId the account, or {@code null} when any account of the tenant may be concerned (an admin grant,
     *     which names an email)
     * @param sessionId the one session that ended, or {@code null} when several or all of the account's did, or
     *     none did
     */
    public record Change(Kind kind, String tenantId, String accountId, String sessionId) {

        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    private final List<Consumer<? super Change>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every change from now on. */
    public void onChange(Consumer<? super Change> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void sessionsEnded(String tenantId, String accountId, String sessionId) {
        tell(new Change(Kind.SESSIONS_ENDED, tenantId, accountId, sessionId));
    }

    void tokensRevoked(String tenantId, String accountId) {
        tell(new Change(Kind.TOKENS_REVOKED, tenantId, accountId, null));
    }

    void detailsChanged(String tenantId, String accountId) {
        tell(new Change(Kind.DETAILS_CHANGED, tenantId, accountId, null));
    }

    private void tell(Change change) {
        for (Consumer<? super Change> listener : listeners) {
            listener.accept(change);
        }
    }
}
