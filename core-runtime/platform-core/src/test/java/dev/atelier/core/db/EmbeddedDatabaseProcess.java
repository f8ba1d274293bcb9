package dev.atelier.core.db;

import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.deployments.DeploymentRecord;
import java.nio.file.Path;

/** A platform process stand-in for {@link EmbeddedDatabaseTest}: starts the embedded database, writes, then waits. */
public final class EmbeddedDatabaseProcess {

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.start(DatabaseSettings.embedded(Path.of(args[0]), 2));
        new DeploymentHistory(database.entityManagerFactory()).record(new DeploymentRecord(null, null,
                DeploymentRecord.INSTALLED, "before-the-kill.jar", null, null, null));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
