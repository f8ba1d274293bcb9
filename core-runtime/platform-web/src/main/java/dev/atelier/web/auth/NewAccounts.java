package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.core.tenants.Tenant;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What else happens when an account is created (by sign-up or a first Google sign-in), such as the tenant's sign-up
 * credit bonus. A failing listener is logged and does not undo the sign-up; listeners must be idempotent per account.
 */
public final class NewAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(NewAccounts.class);

    private final List<BiConsumer<Tenant, Account>> listeners;

    public NewAccounts(List<BiConsumer<Tenant, Account>> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static NewAccounts none() {
        return new NewAccounts(List.of());
    }

    void created(Tenant tenant, Account account) {
        for (BiConsumer<Tenant, Account> listener : listeners) {
            try {
                listener.accept(tenant, account);
            } catch (RuntimeException e) {
                LOG.error("Tenant {}: after creating account {}: {}", tenant.slug(), account.id(), e.toString());
            }
        }
    }
}
