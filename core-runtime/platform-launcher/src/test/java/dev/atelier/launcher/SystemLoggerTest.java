package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Bundles such as storage-local log through the JDK's {@code System.Logger}, which needs no package of the host. */
class SystemLoggerTest {

    private static final String NAME = "dev.atelier.storage.local.internal.SystemLoggerTest";

    @Test
    void writesToThePlatformsLogWithItsLevels() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        logger.setLevel(Level.INFO);
        try {
            System.Logger bundleLogger = System.getLogger(NAME);
            bundleLogger.log(System.Logger.Level.INFO, "Local storage keeps objects in {0}", "/srv/atelier/storage");
            bundleLogger.log(System.Logger.Level.DEBUG, "not logged at INFO");

            assertThat(events.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).isEqualTo("Local storage keeps objects in /srv/atelier/storage");
            });
        } finally {
            logger.detachAppender(events);
            logger.setLevel(null);
        }
    }
}
