package dev.atelier.accounts.operators.internal;

import dev.atelier.accounts.internal.HashedTokenEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code operator_token}: the SHA-256 of an operator token and its first characters, never the token. */
@Entity
@Table(name = "operator_token")
public class OperatorTokenEntity extends HashedTokenEntity {

    protected OperatorTokenEntity() {}

    public OperatorTokenEntity(String id, String name, String tokenHash, String prefix, Instant now) {
        super(id, name, tokenHash, prefix, now);
    }
}
