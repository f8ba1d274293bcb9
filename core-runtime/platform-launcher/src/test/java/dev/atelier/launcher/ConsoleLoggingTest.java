package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    @Test
    void logsOneLinePerEventWithTheRequestIdAndKeepsLibrariesToWarnings() {
        LoggerContext context = new LoggerContext();
        ConsoleLogging.apply(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.atelier.launcher.Atelier").getEffectiveLevel()).isEqualTo(Level.INFO);

        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console.isStarted()).isTrue();
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(Atelier.class), Level.INFO,
                "Atelier started", null, null);
        event.setMDCPropertyMap(Map.of("request_id", "r-42"));
        assertThat(encoder.getLayout().doLayout(event))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.a\\.launcher\\.Atelier r-42 - Atelier started\\R");
    }

    @Test
    void stepsAsideForAConfigurationFileOnTheClassPath() {
        // These tests have their logback-test.xml, as an operator may name a file with -Dlogback.configurationFile.
        assertThat(new ConsoleLogging().configure(new LoggerContext())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
