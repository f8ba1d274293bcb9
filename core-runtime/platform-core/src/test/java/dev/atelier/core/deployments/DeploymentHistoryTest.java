package dev.atelier.core.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.StartedDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StartedDatabase.class)
class DeploymentHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private DeploymentHistory history;

    @BeforeEach
    void start(Database database) {
        history = new DeploymentHistory(database.entityManagerFactory());
    }

    @Test
    void listsRecordedChangesNewestFirst() {
        history.record(change(T0, DeploymentRecord.INSTALLED, "0.1.0"));
        history.record(change(T0.plusSeconds(60), DeploymentRecord.UPDATED, "0.2.0"));
        history.record(change(T0.plusSeconds(30), DeploymentRecord.FAILED, "0.2.0-broken"));

        assertThat(history.recent(10)).extracting(DeploymentRecord::version)
                .containsExactly("0.2.0", "0.2.0-broken", "0.1.0");
        assertThat(history.recent(2)).extracting(DeploymentRecord::action)
                .containsExactly(DeploymentRecord.UPDATED, DeploymentRecord.FAILED);
    }

    @Test
    void keepsEveryFieldAsRecorded() {
        DeploymentRecord failed = new DeploymentRecord(null, T0, DeploymentRecord.FAILED, "missing-import.jar",
                "test.missing.import", "1.0.0", "Unresolved requirement: Import-Package: com.example.absent");

        history.record(failed);

        DeploymentRecord kept = history.recent(1).get(0);
        assertThat(kept).usingRecursiveComparison().ignoringFields("id").isEqualTo(failed);
    }

    @Test
    void givesEachChangeATimeOrderedUuidAndTheCurrentTimeWhenNoneIsGiven() {
        Instant before = Instant.now().minusSeconds(1);
        history.record(new DeploymentRecord(null, null, DeploymentRecord.REMOVED, "a.jar", null, null, null));

        DeploymentRecord kept = history.recent(1).get(0);

        UUID id = UUID.fromString(kept.id());
        assertThat(id.version()).isEqualTo(7);
        assertThat(kept.occurredAt()).isAfter(before);
    }

    @Test
    void rejectsAnUnknownAction() {
        assertThatThrownBy(() -> new DeploymentRecord(null, T0, "EXPLODED", "a.jar", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INSTALLED");
    }

    private static DeploymentRecord change(Instant at, String action, String version) {
        return new DeploymentRecord(null, at, action, "model-procedural.jar", "dev.atelier.model.procedural", version,
                null);
    }
}
