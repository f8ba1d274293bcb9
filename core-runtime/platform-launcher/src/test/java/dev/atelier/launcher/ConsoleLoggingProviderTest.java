package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLoggingProviderTest {

    private static final String CONFIGURATION_FILE = "logback.configurationFile";

    @Test
    void bindsSlf4jToALogbackContextSetUpAsThePlatformLogs() {
        String before = System.clearProperty(CONFIGURATION_FILE);
        try {
            ConsoleLoggingProvider provider = new ConsoleLoggingProvider();
            provider.initialize();

            LoggerContext context = (LoggerContext) provider.getLoggerFactory();
            assertThat(context.isStarted()).isTrue();
            assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            assertThat(root.getAppender("CONSOLE")).isNotNull();
            assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
            assertThat(provider.getMarkerFactory().getMarker("audit").getName()).isEqualTo("audit");
            assertThat(provider.getRequestedApiVersion()).startsWith("2.0.");
        } finally {
            restore(before);
        }
    }

    @Test
    void readsTheOperatorsConfigurationFileWhenOneIsNamed(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("logback.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OPERATORS" class="ch.qos.logback.core.helpers.NOPAppender"/>
                  <root level="debug"><appender-ref ref="OPERATORS"/></root>
                </configuration>
                """);
        String before = System.setProperty(CONFIGURATION_FILE, file.toString());
        try {
            ConsoleLoggingProvider provider = new ConsoleLoggingProvider();
            provider.initialize();

            Logger root = ((LoggerContext) provider.getLoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(root.getAppender("OPERATORS")).isNotNull();
            assertThat(root.getAppender("CONSOLE")).isNull();
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(CONFIGURATION_FILE);
        } else {
            System.setProperty(CONFIGURATION_FILE, value);
        }
    }
}
