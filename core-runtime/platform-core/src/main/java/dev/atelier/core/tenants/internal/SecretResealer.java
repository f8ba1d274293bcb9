package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.ResealReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Seals every stored tenant secret again with the current secrets key, in one transaction: either every secret ends
 * up under the current key or, if one cannot be opened, nothing changes. Secrets already under the current key are
 * left as they are, so running it again changes nothing.
 */
public final class SecretResealer {

    private final JdbcTransactions transactions;
    private final SecretBox secrets;

    public SecretResealer(DataSource dataSource, SecretBox secrets) {
        this.transactions = new JdbcTransactions(dataSource);
        this.secrets = secrets;
    }

    /**
     * @throws dev.atelier.core.secrets.SecretKeyException if a secret opens with none of the configured keys; its
     *     message names the key id it was sealed with
     */
    public ResealReport resealAll() {
        return transactions.run("re-sealing tenant secrets", connection -> {
            Map<String, String> columns = new LinkedHashMap<>();
            // Row locks keep a tenant apply on another node from writing secrets sealed with the old key meanwhile.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, secrets FROM tenant ORDER BY id FOR UPDATE");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString("id"), rows.getString("secrets"));
                }
            }
            int resealed = 0;
            int alreadyCurrent = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tenant SET secrets = ? WHERE id = ?")) {
                for (Map.Entry<String, String> row : columns.entrySet()) {
                    ObjectNode column = Documents.JSON.createObjectNode();
                    int before = resealed;
                    for (Map.Entry<String, String> secret : TenantMapping.sealed(row.getValue()).entrySet()) {
                        String context = TenantMapping.secretContext(row.getKey(), secret.getKey());
                        if (secrets.sealedWithCurrentKey(secret.getValue())) {
                            column.put(secret.getKey(), secret.getValue());
                            alreadyCurrent++;
                        } else {
                            column.put(secret.getKey(), secrets.seal(secrets.open(secret.getValue(), context), context));
                            resealed++;
                        }
                    }
                    if (resealed > before) {
                        update.setString(1, Documents.toJson(column));
                        update.setString(2, row.getKey());
                        update.addBatch();
                    }
                }
                update.executeBatch();
            }
            return new ResealReport(columns.size(), resealed, alreadyCurrent, secrets.keyId());
        });
    }
}
