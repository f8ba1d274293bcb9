package dev.atelier.accounts.internal;

import dev.atelier.accounts.operators.internal.OperatorTokenEntity;
import dev.atelier.core.db.EntityClasses;
import java.util.List;

/** The entities of platform-accounts: accounts with what belongs to them, tenant admins and operator tokens. */
public final class AccountEntities implements EntityClasses {

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(AccountEntity.class, AccountTokenEntity.class, SessionEntity.class, ApiTokenEntity.class,
                AccountIdentityEntity.class, AccountConsentEntity.class, TenantAdminEntity.class,
                OperatorTokenEntity.class, HashedTokenEntity.class, AdminAuditEntity.class);
    }
}
