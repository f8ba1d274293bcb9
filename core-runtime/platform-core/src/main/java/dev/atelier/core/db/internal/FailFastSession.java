package dev.atelier.core.db.internal;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's own retries after a lost connection (by default it waits five seconds and tries again,
 * twice, for each query): the pool already fails at once while the database is gone, and a request should be answered
 * "temporarily unavailable" then, not held for ten seconds per query.
 */
public final class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
