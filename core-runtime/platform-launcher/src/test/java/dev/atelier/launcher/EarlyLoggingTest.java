package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EarlyLoggingTest {

    private String provider;
    private String verbosity;

    @BeforeEach
    void keepProperties() {
        provider = System.clearProperty(EarlyLogging.PROVIDER_PROPERTY);
        verbosity = System.clearProperty(EarlyLogging.SLF4J_VERBOSITY);
    }

    @AfterEach
    void restoreProperties() {
        EarlyLogging.awaitReady();
        restore(EarlyLogging.PROVIDER_PROPERTY, provider);
        restore(EarlyLogging.SLF4J_VERBOSITY, verbosity);
    }

    @Test
    void namesThePlatformsBindingSoSlf4jLooksThroughNoJar() {
        EarlyLogging.begin();

        assertThat(System.getProperty(EarlyLogging.PROVIDER_PROPERTY))
                .isEqualTo(ConsoleLoggingProvider.class.getName());
        assertThat(System.getProperty(EarlyLogging.SLF4J_VERBOSITY)).isEqualTo("WARN");
    }

    @Test
    void leavesABindingTheOperatorNamed() {
        System.setProperty(EarlyLogging.PROVIDER_PROPERTY, "ch.qos.logback.classic.spi.LogbackServiceProvider");

        EarlyLogging.begin();

        assertThat(System.getProperty(EarlyLogging.PROVIDER_PROPERTY))
                .isEqualTo("ch.qos.logback.classic.spi.LogbackServiceProvider");
        assertThat(System.getProperty(EarlyLogging.SLF4J_VERBOSITY)).isNull();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
